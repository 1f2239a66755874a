// Everything the store keeps about how we contact one borrower (or many at once), read the one way every caller shares.

import type { ContactReads } from "../policy/borrower-context.ts";
import type { Borrower } from "../ports/borrowers.ts";
import type { PromiseToPay } from "../ports/contact-controls.ts";
import type { Store } from "../ports/store.ts";

/** The 7-day caps look back a week; a local day can start up to a day earlier than UTC's. */
export const CONTACT_HISTORY_DAYS = 8;
/** Enough of the conversation to find the latest inbound message and agents' recent replies. */
export const CONVERSATION_DEPTH = 100;

/** Rows and records the caller already holds: not read again. */
export interface KnownReads {
  readonly borrower?: Borrower;
  readonly promises?: readonly PromiseToPay[];
}

/** How far back the outbox rows the caps count (outbox.contactsSince) are read. */
export function contactsSinceAt(now: string): string {
  return new Date(Date.parse(now) - CONTACT_HISTORY_DAYS * 86_400_000).toISOString();
}

/** One borrower's contact records at `now`; undefined when the borrower is gone. */
export async function readContact(
  store: Store,
  borrowerId: string,
  now: string,
  known: KnownReads = {},
): Promise<ContactReads | undefined> {
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
  return {
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
  };
}

/**
 * readContact for many borrowers whose rows and promises the caller already read: every kind
 * of record in one read (planning.contactRecords). Keyed by borrower id; borrowers not in `known.borrowers` are left out.
 */
export async function readContacts(
  store: Store,
  borrowerIds: readonly string[],
  now: string,
  known: {
    readonly borrowers: ReadonlyMap<string, Borrower>;
    readonly promises: ReadonlyMap<string, readonly PromiseToPay[]>;
  },
): Promise<Map<string, ContactReads>> {
  const ids = borrowerIds.filter((id) => known.borrowers.has(id));
  const reads = new Map<string, ContactReads>();
  if (ids.length === 0) return reads;
  const records = await store.planning.contactRecords(ids, now, {
    since: contactsSinceAt(now),
    conversationDepth: CONVERSATION_DEPTH,
  });
  for (const id of ids) {
    const found = records.get(id);
    reads.set(id, {
      borrower: known.borrowers.get(id) as Borrower,
      identities: found?.identities ?? [],
      optedOut: found?.optedOut ?? [],
      pauses: found?.pauses ?? [],
      promises: known.promises.get(id) ?? [],
      sent: found?.sent ?? [],
      conversation: found?.conversation ?? [],
      handoff: found?.handoff,
      consent: found?.consent ?? [],
      preferences: found?.preferences,
    });
  }
  return reads;
}
