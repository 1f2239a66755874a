// Reads everything the policy needs about one borrower (or many at once) from the store.
import {
  type BorrowerContext,
  type ContactReads,
  contextFrom,
  type LoanToday,
  loanTodayFrom,
} from "../../core/policy/index.ts";
import type { Borrower, Channel, PromiseToPay, Store, StoredLoan } from "../../core/ports/index.ts";

/** The 7-day caps look back a week; a local day can start up to a day earlier than UTC's. */
const HISTORY_DAYS = 8;
/** Enough of the conversation to find the latest inbound message and agents' recent replies. */
const CONVERSATION_DEPTH = 100;

/** Undefined when the borrower is gone. `channels` in order of preference. */
export async function loadBorrowerContext(
  store: Store,
  borrowerId: string,
  now: string,
  channels: readonly Channel[],
  known: { borrower?: Borrower; promises?: readonly PromiseToPay[] } = {},
): Promise<BorrowerContext | undefined> {
  const [borrower, identities, optedOut, pauses, promises, sent, conversation, handoff] =
    await Promise.all([
      known.borrower ?? store.borrowers.byId(borrowerId),
      store.identities.forBorrower(borrowerId),
      store.contact.optedOutChannels(borrowerId),
      store.contact.activePauses(borrowerId, now),
      known.promises ?? store.contact.promises(borrowerId),
      store.outbox.contactsSince(borrowerId, contactsSinceAt(now)),
      store.conversation.recent(borrowerId, CONVERSATION_DEPTH),
      store.handoffs.active(borrowerId),
    ]);
  if (!borrower) return undefined;
  const [consent, preferences] = await Promise.all([
    store.consent.forBorrower(borrowerId),
    store.contactPoints.get(borrowerId),
  ]);
  return contextFrom(
    {
      borrower,
      identities,
      optedOut,
      pauses,
      promises,
      sent,
      conversation,
      handoff,
      consent,
      preferences,
    },
    channels,
  );
}

/**
 * loadBorrowerContext for many borrowers of whom the caller already read the borrower rows and
 * promises: one batch read per kind of record. Keyed by borrower id; borrowers not in
 * `known.borrowers` are left out.
 */
export async function loadBorrowerContexts(
  store: Store,
  borrowerIds: readonly string[],
  now: string,
  channels: readonly Channel[],
  known: {
    borrowers: ReadonlyMap<string, Borrower>;
    promises: ReadonlyMap<string, readonly PromiseToPay[]>;
  },
): Promise<Map<string, BorrowerContext>> {
  const ids = borrowerIds.filter((id) => known.borrowers.has(id));
  const contexts = new Map<string, BorrowerContext>();
  if (ids.length === 0) return contexts;
  const [identities, optedOut, pauses, conversations, handoffs, sent, consent, preferences] =
    await Promise.all([
      store.identities.forBorrowers(ids),
      store.contact.optedOutChannelsFor(ids),
      store.contact.activePausesFor(ids, now),
      store.conversation.recentFor(ids, CONVERSATION_DEPTH),
      store.handoffs.activeFor(ids),
      store.outbox.contactsSinceFor(ids, contactsSinceAt(now)),
      store.consent.forBorrowers(ids),
      store.contactPoints.forBorrowers(ids),
    ]);
  for (const id of ids) {
    const reads: ContactReads = {
      borrower: known.borrowers.get(id) as Borrower,
      identities: identities.get(id) ?? [],
      optedOut: optedOut.get(id) ?? [],
      pauses: pauses.get(id) ?? [],
      promises: known.promises.get(id) ?? [],
      sent: sent.get(id) ?? [],
      conversation: conversations.get(id) ?? [],
      handoff: handoffs.get(id),
      consent: consent.get(id) ?? [],
      preferences: preferences.get(id),
    };
    contexts.set(id, contextFrom(reads, channels));
  }
  return contexts;
}

/** How far back the outbox rows the caps count (outbox.contactsSince) are read. */
function contactsSinceAt(now: string): string {
  return new Date(Date.parse(now) - HISTORY_DAYS * 86_400_000).toISOString();
}

/** The loan's state as of the borrower's local date at `now`. */
export async function loanToday(
  store: Store,
  loan: StoredLoan,
  now: string,
  timeZone: string,
): Promise<LoanToday> {
  return loanTodayFrom(loan, await store.transactions.forLoan(loan.id), now, timeZone);
}
