// What a nudge says is built from: facts from loan state (never invented) and the borrower's segment.
import type { IsoDate } from "../dates/iso-date.ts";
import type { LoanDisclosure } from "../disclosure/loan-disclosure.ts";
import type { Money } from "../money/money.ts";
import type { Locale } from "../text/locale.ts";

/** What a nudge is about: the cadence (core/policy) picks one, the outbox row records it. */
export type NudgeKind =
  | "pre_due"
  | "due_today"
  | "overdue"
  | "follow_up"
  | "plan_offer"
  | "broken_promise"
  | "plan_installment";

/** One loan a nudge is about; a nudge may cover several loans of one borrower. */
export interface NudgeLoanFacts {
  readonly loanRef: string;
  /** What to pay now: the overdue total when late, else the next installment. */
  readonly amountDue: Money;
  /** The date that amount is (or was) due. */
  readonly dueDate: IsoDate;
  readonly overdue: Money;
  /** Late fees and charges included in `overdue`. */
  readonly feesAndPenalties: Money;
  readonly daysPastDue: number;
  readonly payLink?: string;
  /** What waiting costs on this loan (late notices state it); absent, nothing is disclosed. */
  readonly disclosure?: LoanDisclosure;
}

/** Simple, explainable facts that pick a tone. */
export interface NudgeHistory {
  /** Installments ever paid late (before this one). */
  readonly timesLate: number;
  readonly promisesKept: number;
  readonly promisesBroken: number;
  /** Installments ever paid on time; absent means unknown and counts as none. */
  readonly onTimeInstallments?: number;
  /** The repayment score (0-100, core/score) at decision time; absent, no rule reads it. */
  readonly score?: number;
  /** That score's grade, recorded with the decision. */
  readonly scoreGrade?: "good" | "fair" | "poor";
}

export interface NudgeFacts {
  readonly kind: NudgeKind;
  readonly locale: Locale;
  readonly timeZone: string;
  /**
   * When the nudge is sent, an ISO instant with an offset. Its date in `timeZone` is the
   * borrower's today: dates in that year leave the year out. Absent, every date shows its year.
   */
  readonly at?: string;
  readonly lenderName: string;
  readonly borrowerName: string;
  readonly loans: readonly NudgeLoanFacts[];
  readonly history: NudgeHistory;
  /** The promised date, for broken_promise. */
  readonly promisedFor?: IsoDate;
  /**
   * False: the tone rules leave the score out (the simulator, whose demo output is pinned from
   * before the score rule). Absent or true: the low-score rule applies.
   */
  readonly toneFromScore?: boolean;
  /** The borrower may be invited to a lesson (none in the last 14 days). */
  readonly learnInvite?: boolean;
}

export type NudgeTone = "friendly" | "reassuring" | "direct";

export interface RenderedNudge {
  readonly text: string;
  readonly tone: NudgeTone;
  /** Which segment rule chose the tone, for the audit ("first-time-late", ...). */
  readonly segment: string;
  /** The template used, e.g. "en/overdue/reassuring". */
  readonly template: string;
  /** True when the text carries the invitation to a lesson. */
  readonly invited?: boolean;
}
