// A repayment plan the borrower may accept: its installments and what it costs against today's schedule.
import type { IsoDate } from "../dates/iso-date.ts";
import type { RescheduleInstallment } from "../ledger/transaction.ts";
import type { Money } from "../money/money.ts";

export type PlanKind = "catch-up" | "extended" | "hardship";

export interface PlanOption<C extends string = string> {
  readonly kind: PlanKind;
  /** The regular installment (for hardship: the reduced one). */
  readonly installmentAmount: Money<C>;
  readonly count: number;
  readonly firstDueDate: IsoDate;
  readonly lastDueDate: IsoDate;
  /** Everything the borrower pays under the plan from today. */
  readonly totalPayable: Money<C>;
  /** totalPayable less what the current schedule still asks for (negative: the plan costs less). */
  readonly extraCost: Money<C>;
  /** Each installment states the interest it carries from before the plan. */
  readonly schedule: readonly RescheduleInstallment<C>[];
  /** Hardship only: how many reduced installments, and the installment after them. */
  readonly reducedCount?: number;
  readonly thenAmount?: Money<C>;
}

/** Why an option kind was not offered, so an agent or borrower can be told. */
export interface PlanNotOffered {
  readonly kind: PlanKind;
  readonly reason:
    | "NO_ARREARS"
    | "NO_FUTURE_INSTALLMENTS"
    | "ABOVE_AFFORDABLE"
    | "MAX_TERM_REACHED"
    | "RATE_CAP"
    | "NOT_NEEDED"
    | "PAID_OFF";
}

export interface PlanRequest<C extends string = string> {
  /** What the borrower says they can pay per period. */
  readonly affordable?: Money<C>;
  /** The most installments a plan may have. Default: twice the loan's original term count. */
  readonly maxTermCount?: number;
}
