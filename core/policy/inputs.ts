// Plain data decide() reads: the borrower, their pauses, what we sent, what they wrote, the answer.
import type { IsoDate } from "../dates/iso-date.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import type { NudgeOpportunity } from "./cadence.ts";
import type { ContactProfile } from "./profiles.ts";
import type { ReasonCode } from "./reasons.ts";

/** A delivery channel: the one name the ports give it. */
export type { Channel } from "../ports/identities.ts";

import type { Channel } from "../ports/identities.ts";

export interface BorrowerFlags {
  readonly deceased: boolean;
  readonly bankruptcy: boolean;
  readonly hardship: boolean;
}

export interface PolicyBorrower {
  readonly id: string;
  /** IANA zone the borrower lives in: quiet hours, days and holidays are theirs. */
  readonly timeZone: string;
  readonly flags: BorrowerFlags;
  readonly optedOutChannels: readonly Channel[];
  readonly unreachableChannels: readonly Channel[];
}

export type PolicyPauseReason = "promise" | "plan" | "dispute" | "agent_hold" | "hardship";

export interface PolicyPause {
  readonly reason: PolicyPauseReason;
  /**
   * Last borrower-local date of the pause; absent means until someone lifts it. For a promise
   * it is the promised payment date, and the pause runs on for the profile's grace days.
   */
  readonly until?: IsoDate;
}

/** One outbound message. A message about several loans is one row per loan with one messageId. */
export interface ContactRecord {
  /** ISO instant with offset. */
  readonly at: string;
  readonly loanId: string;
  readonly borrowerId: string;
  readonly channel: Channel;
  /** false for a message an agent wrote. */
  readonly automated: boolean;
  /** Rows sharing it count as one message; a row without one counts on its own. */
  readonly messageId?: string;
}

export interface InboundMessage {
  /** ISO instant with offset. */
  readonly at: string;
}

export interface DecideInput {
  readonly loanId: string;
  readonly loanState: LoanState;
  readonly borrower: PolicyBorrower;
  /** The channel the nudge would go out on. */
  readonly channel: Channel;
  /** Outbound messages to this borrower about any of their loans. */
  readonly contactHistory: readonly ContactRecord[];
  readonly inbound: readonly InboundMessage[];
  readonly pauses: readonly PolicyPause[];
  readonly handoffOpen: boolean;
  /** ISO instant with offset. */
  readonly now: string;
  readonly profile: ContactProfile;
}

export type Decision =
  | { readonly decision: "send"; readonly opportunity: NudgeOpportunity }
  | {
      readonly decision: "defer";
      /** UTC ISO instant: the earliest moment the nudge may go out, inside the send window. */
      readonly until: string;
      readonly reasons: readonly ReasonCode[];
    }
  | { readonly decision: "suppress"; readonly reasons: readonly ReasonCode[] };
