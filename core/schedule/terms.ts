// Loan terms: what a schedule is generated from. Names follow Fineract (AmortizationMethod,
// InterestMethod, DaysInYearType) so a loan officer recognises them.
import type { IsoDate } from "../dates/iso-date.ts";
import type { Money } from "../money/money.ts";
import type { Rate } from "../money/rate.ts";

export type Frequency = "monthly" | "biweekly" | "weekly";
/** annuity: equal installments; equal-principal: equal principal parts, falling installments. */
export type AmortizationMethod = "annuity" | "equal-principal";
/** declining: interest on the outstanding balance; flat: interest on the original principal. */
export type InterestMethod = "declining" | "flat";
export type DayCount = "30/360" | "actual/365";

export const FREQUENCIES: readonly Frequency[] = ["monthly", "biweekly", "weekly"];
export const AMORTIZATION_METHODS: readonly AmortizationMethod[] = ["annuity", "equal-principal"];
export const INTEREST_METHODS: readonly InterestMethod[] = ["declining", "flat"];
export const DAY_COUNTS: readonly DayCount[] = ["30/360", "actual/365"];

export interface LoanTerms<C extends string = string> {
  readonly principal: Money<C>;
  /** Nominal annual interest rate, e.g. 1299/10000. */
  readonly annualRate: Rate;
  readonly termCount: number;
  readonly frequency: Frequency;
  readonly disbursedOn: IsoDate;
  /** Defaults to one period after disbursement. */
  readonly firstDueDate?: IsoDate;
  readonly method: AmortizationMethod;
  readonly interest: InterestMethod;
  readonly dayCount: DayCount;
  /** Leading periods in which only interest is due (grace on principal). Default 0. */
  readonly graceOnPrincipal?: number;
}
