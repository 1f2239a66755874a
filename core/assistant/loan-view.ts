// A borrower's active loans with their transactions and state as of today, and which needs most help.
import type { IsoDate } from "../dates/iso-date.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import { loanStateAsOf } from "../ledger/loan-state-as-of.ts";
import type { Transaction } from "../ledger/transaction.ts";
import type { Money } from "../money/money.ts";
import type { StoredLoan } from "../ports/loans.ts";
import type { Store } from "../ports/store.ts";

export interface LoanView {
  readonly loan: StoredLoan;
  readonly transactions: readonly Transaction[];
  readonly state: LoanState;
}

export async function loanView(store: Store, loan: StoredLoan, today: IsoDate): Promise<LoanView> {
  const records = await store.transactions.forLoan(loan.id);
  const transactions = records.map((record) => record.transaction);
  return { loan, transactions, state: loanStateAsOf(loan, transactions, today) };
}

/** Active loans, oldest reference first so a list of loans reads the same every time. */
export async function activeLoanViews(
  store: Store,
  borrowerId: string,
  today: IsoDate,
): Promise<LoanView[]> {
  const loans = (await store.loans.forBorrower(borrowerId))
    .filter((loan) => loan.status === "active")
    .sort((a, b) => (a.externalRef < b.externalRef ? -1 : a.externalRef > b.externalRef ? 1 : 0));
  return Promise.all(loans.map((loan) => loanView(store, loan, today)));
}

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
