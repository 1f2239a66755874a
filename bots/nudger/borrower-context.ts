// Everything the policy needs about one borrower, read once and shared by all their loans.
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
  Pause,
  PromiseToPay,
  Store,
  StoredLoan,
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
  const since = new Date(Date.parse(now) - HISTORY_DAYS * 86_400_000).toISOString();
  const [borrower, identities, optedOut, pauses, promises, sent, conversation, handoff] =
    await Promise.all([
      known.borrower ?? store.borrowers.byId(borrowerId),
      store.identities.forBorrower(borrowerId),
      store.contact.optedOutChannels(borrowerId),
      store.contact.activePauses(borrowerId, now),
      known.promises ?? store.contact.promises(borrowerId),
      store.outbox.sentSince(borrowerId, since),
      store.conversation.recent(borrowerId, CONVERSATION_DEPTH),
      store.handoffs.active(borrowerId),
    ]);
  if (!borrower) return undefined;
  const linked = new Set<Channel>(identities.map((identity) => identity.channel));
  const channel = channels.find((c) => c === "console" || linked.has(c));
  return {
    borrower,
    ...(channel ? { channel } : {}),
    optedOut,
    unreachable: unreachableChannels(pauses, channels),
    pauses,
    promises,
    history: contactHistory(borrowerId, sent, conversation),
    inbound: inboundMessages(conversation),
    handoffOpen: handoff !== undefined,
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
  const today = localDate(new Date(now), timeZone);
  const records = await store.transactions.forLoan(loan.id);
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
