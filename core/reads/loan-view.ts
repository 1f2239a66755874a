// One loan as read for a borrower: its transactions and its state as of a date (the borrower's today).
import type { IsoDate } from "../dates/iso-date.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import { loanStateAsOf } from "../ledger/loan-state-as-of.ts";
import type { Transaction } from "../ledger/transaction.ts";
import type { StoredLoan } from "../ports/loans.ts";
import type { StoredPlan } from "../ports/plans.ts";
import type { Store } from "../ports/store.ts";
import type { StoredTransaction } from "../ports/transactions.ts";

export interface LoanView {
  readonly loan: StoredLoan;
  readonly transactions: readonly Transaction[];
  readonly state: LoanState;
}

/** A loan view with the loan's plans, newest first (what an agent's card shows). */
export interface LoanViewWithPlans extends LoanView {
  readonly plans: readonly StoredPlan[];
}

/** The loan's transactions (in `forLoan`'s order) and its state as of `today`. */
export async function loanView(
  store: Pick<Store, "transactions">,
  loan: StoredLoan,
  today: IsoDate,
): Promise<LoanView> {
  return viewOf(loan, await store.transactions.forLoan(loan.id), today);
}

/** The view of a loan whose transaction records (in `forLoan`'s order) are already read. */
export function viewOf(
  loan: StoredLoan,
  records: readonly StoredTransaction[],
  today: IsoDate,
): LoanView {
  const transactions = records.map((record) => record.transaction);
  return { loan, transactions, state: loanStateAsOf(loan, transactions, today) };
}

/** Loans in reference order (code points), so a list reads the same every time. */
export function byReference(loans: readonly StoredLoan[]): StoredLoan[] {
  return [...loans].sort((a, b) =>
    a.externalRef < b.externalRef ? -1 : a.externalRef > b.externalRef ? 1 : 0,
  );
}
