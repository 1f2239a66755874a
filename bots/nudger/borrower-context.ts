// Everything the policy needs about one borrower, read once and shared by all their loans.
import { type ChannelState, channelStates, pickChannel } from "../../core/channels/index.ts";
import type { IsoDate } from "../../core/dates/iso-date.ts";
import type { LoanState } from "../../core/ledger/loan-state.ts";
import { loanStateAsOf } from "../../core/ledger/loan-state-as-of.ts";
import type { Transaction } from "../../core/ledger/transaction.ts";
import {
  type ContactProfile,
  type ContactRecord,
  type Decision,
  decide,
  type InboundMessage,
} from "../../core/policy/index.ts";
import type {
  Borrower,
  Channel,
  ChannelIdentity,
  ConsentEvent,
  ContactPreferences,
  ConversationMessage,
  Handoff,
  NudgeRow,
  Pause,
  PromiseToPay,
  Store,
  StoredLoan,
  StoredTransaction,
} from "../../core/ports/index.ts";
import { localDate } from "../time/local-date.ts";
import {
  contactHistory,
  inboundMessages,
  policyPauses,
  unreachableChannels,
} from "./policy-inputs.ts";

/** The 7-day caps look back a week; a local day can start up to a day earlier than UTC's. */
const HISTORY_DAYS = 8;
/** Enough of the conversation to find the latest inbound message and agents' recent replies. */
const CONVERSATION_DEPTH = 100;

export interface BorrowerContext {
  readonly borrower: Borrower;
  /** Where nudges go: the first configured channel the borrower can be reached on. */
  readonly channel?: Channel;
  readonly optedOut: readonly Channel[];
  readonly unreachable: readonly Channel[];
  /** Each configured channel's state: reachable, consented, not opted out. */
  readonly channelStates?: readonly ChannelState[];
  readonly pauses: readonly Pause[];
  readonly promises: readonly PromiseToPay[];
  readonly history: readonly ContactRecord[];
  readonly inbound: readonly InboundMessage[];
  readonly handoffOpen: boolean;
}

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

/** Everything the store keeps that goes into one borrower's context. */
interface ContactReads {
  readonly borrower: Borrower;
  readonly identities: readonly ChannelIdentity[];
  readonly optedOut: readonly Channel[];
  readonly pauses: readonly Pause[];
  readonly promises: readonly PromiseToPay[];
  readonly sent: readonly NudgeRow[];
  readonly conversation: readonly ConversationMessage[];
  readonly handoff: Handoff | undefined;
  readonly consent: readonly ConsentEvent[];
  readonly preferences: ContactPreferences | undefined;
}

/** How far back the outbox rows the caps count (outbox.contactsSince) are read. */
function contactsSinceAt(now: string): string {
  return new Date(Date.parse(now) - HISTORY_DAYS * 86_400_000).toISOString();
}

/** The one mapping from store records to a context, whichever loader read them. */
function contextFrom(reads: ContactReads, channels: readonly Channel[]): BorrowerContext {
  const { borrower, pauses, conversation, preferences } = reads;
  const unreachable = unreachableChannels(pauses, channels);
  const telegram = reads.identities.find((identity) => identity.channel === "telegram");
  const states = channelStates(
    {
      ...(borrower.phone ? { phone: borrower.phone } : {}),
      ...(preferences?.email ? { email: preferences.email } : {}),
      ...(telegram ? { telegramChatId: telegram.externalId } : {}),
      events: reads.consent,
      optedOut: reads.optedOut,
      unreachable,
    },
    channels,
  );
  const channel = pickChannel({
    configured: channels,
    ...(preferences?.preferredChannel ? { preferred: preferences.preferredChannel } : {}),
    fallbackOrder: preferences?.fallbackOrder ?? [],
    usable: new Set(states.filter((s) => s.status === "usable").map((s) => s.channel)),
    optedOut: new Set(states.filter((s) => s.status === "opted_out").map((s) => s.channel)),
  });
  return {
    borrower,
    ...(channel ? { channel } : {}),
    optedOut: reads.optedOut,
    unreachable,
    channelStates: states,
    pauses,
    promises: reads.promises,
    history: contactHistory(borrower.id, reads.sent, conversation),
    inbound: inboundMessages(conversation),
    handoffOpen: reads.handoff !== undefined,
  };
}

export interface LoanToday {
  readonly today: IsoDate;
  readonly transactions: readonly Transaction[];
  readonly state: LoanState;
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

/** loanToday from the loan's transactions already read (in `forLoan`'s order). */
export function loanTodayFrom(
  loan: StoredLoan,
  records: readonly StoredTransaction[],
  now: string,
  timeZone: string,
): LoanToday {
  const today = localDate(new Date(now), timeZone);
  const transactions = records.map((record) => record.transaction);
  return { today, transactions, state: loanStateAsOf(loan, transactions, today) };
}

/** decide() for one loan of the borrower on `channel` at `now`. */
export function decideForLoan(
  context: BorrowerContext,
  loanId: string,
  state: LoanState,
  channel: Channel,
  now: string,
  profile: ContactProfile,
): Decision {
  const { borrower } = context;
  return decide({
    loanId,
    loanState: state,
    borrower: {
      id: borrower.id,
      timeZone: borrower.timeZone,
      flags: borrower.flags,
      optedOutChannels: context.optedOut,
      unreachableChannels: context.unreachable,
    },
    channel,
    contactHistory: context.history,
    inbound: context.inbound,
    pauses: policyPauses(loanId, context.pauses, context.promises, borrower.timeZone),
    handoffOpen: context.handoffOpen,
    now,
    profile,
  });
}
