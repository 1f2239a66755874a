// Which of a borrower's loans needs most help, and what to pay now; loans are read through the shared borrower reads.
import type { LoanState } from "../ledger/loan-state.ts";
import type { Money } from "../money/money.ts";
import type { LoanView } from "../reads/index.ts";

export { activeLoanViews, type LoanView, loanView } from "../reads/index.ts";

/** Most days past due, then the largest overdue amount, then the soonest next due date. */
export function mostDelinquent(views: readonly LoanView[]): LoanView | undefined {
  return [...views].sort((a, b) => {
    if (a.state.daysPastDue !== b.state.daysPastDue) {
      return b.state.daysPastDue - a.state.daysPastDue;
    }
    const overdue = b.state.overdue.total.minor - a.state.overdue.total.minor;
    if (overdue !== 0n) return overdue > 0n ? 1 : -1;
    const next = (view: LoanView) => view.state.nextDue?.date ?? "9999-12-31";
    return next(a) < next(b) ? -1 : next(a) > next(b) ? 1 : 0;
  })[0];
}

/** What a borrower would most usefully pay now: the overdue total, else the next installment. */
export function amountToPay(state: LoanState): Money | undefined {
  if (state.overdue.total.minor > 0n) return state.overdue.total;
  return state.nextDue?.amount;
}
