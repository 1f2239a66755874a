// One loan's position on a date: its `repay state` days past due, bucket and outstanding.
import type { AllocationStrategy } from "../allocation/strategy.ts";
import type { IsoDate } from "../dates/iso-date.ts";
import type { Loan } from "../ledger/loan.ts";
import { loanStateAsOf } from "../ledger/loan-state-as-of.ts";
import type { Transaction } from "../ledger/transaction.ts";
import type { LoanPosition } from "../ports/portfolio.ts";

/**
 * The loan's position on `asOf`, or undefined when it is not open that day (not yet disbursed,
 * or nothing left to pay). Days past due and the bucket are core/ledger's, so the portfolio's
 * buckets are exactly the ones `repay state` prints.
 *
 * @example loanPosition("loan-1", loan, transactions, "2026-03-31")?.bucket // "1-30"
 */
export function loanPosition(
  loanId: string,
  loan: Loan,
  transactions: readonly Transaction[],
  asOf: IsoDate,
  strategy?: AllocationStrategy,
): LoanPosition | undefined {
  if (loan.terms.disbursedOn > asOf) return undefined;
  const state = loanStateAsOf(loan, transactions, asOf, strategy);
  if (state.outstanding.total.minor <= 0n) return undefined;
  return {
    loanId,
    asOf,
    daysPastDue: state.daysPastDue,
    bucket: state.bucket,
    currency: state.currency,
    outstandingMinor: state.outstanding.total.minor,
  };
}
