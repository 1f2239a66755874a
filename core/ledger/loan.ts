// A loan as the ledger sees it: its terms, its original schedule and its charge rules.
import type { LateFeeTerms } from "../fees/late-fee-terms.ts";
import type { Rate } from "../money/rate.ts";
import type { Installment } from "../schedule/installment.ts";
import type { LoanTerms } from "../schedule/terms.ts";

export interface Loan<C extends string = string> {
  readonly terms: LoanTerms<C>;
  /** The contractual schedule, generated from the terms. */
  readonly schedule: readonly Installment<C>[];
  readonly lateFee?: LateFeeTerms<C>;
  /**
   * All-in annual cost ceiling (e.g. 36% APR): interest plus every fee and penalty may never
   * exceed what this rate would charge on the loan's principal schedule.
   */
  readonly rateCap?: Rate;
}
