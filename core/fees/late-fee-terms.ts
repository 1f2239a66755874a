// Late-fee terms of a loan: flat and/or a percentage of the overdue installment, after grace days.
import type { Money } from "../money/money.ts";
import type { Rate } from "../money/rate.ts";

export interface LateFeeTerms<C extends string = string> {
  /** Charged once per installment still unpaid `graceDays` days after its due date. */
  readonly flat?: Money<C>;
  /** Of the installment's unpaid principal and interest at that moment, rounded half-up. */
  readonly percent?: Rate;
  readonly graceDays: number;
  /** The most late fees a loan may ever carry in total. */
  readonly cap?: Money<C>;
}
