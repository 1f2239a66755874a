// Everything the policy needs about one borrower, read once and shared by all their loans.
import { type ChannelState, channelStates, pickChannel } from "../channels/index.ts";
import type { IsoDate } from "../dates/iso-date.ts";
import { localDate } from "../dates/local-date.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import { loanStateAsOf } from "../ledger/loan-state-as-of.ts";
import type { Transaction } from "../ledger/transaction.ts";
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
  StoredLoan,
  StoredTransaction,
} from "../ports/index.ts";
import { decide } from "./decide.ts";
import type { ContactRecord, Decision, InboundMessage } from "./inputs.ts";
import {
  contactHistory,
  inboundMessages,
  policyPauses,
  unreachableChannels,
} from "./policy-inputs.ts";
import type { ContactProfile } from "./profiles.ts";

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

/** Everything the store keeps that goes into one borrower's context. */
export interface ContactReads {
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

/** The one mapping from store records to a context, whichever loader read them. */
export function contextFrom(reads: ContactReads, channels: readonly Channel[]): BorrowerContext {
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
