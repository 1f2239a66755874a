// A borrower and their loans' state as the lender API shows them.

import { localDate } from "../../core/dates/index.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import { formatMoney } from "../../core/money/index.ts";
import type { Borrower, Store, StoredLoan } from "../../core/ports/index.ts";
import { componentsJson } from "../loan-json/index.ts";

export async function loanView(store: Store, loan: StoredLoan, asOf: string) {
  const transactions = (await store.transactions.forLoan(loan.id)).map((t) => t.transaction);
  const state = loanStateAsOf(loan, transactions, asOf);
  return {
    ref: loan.externalRef,
    status: loan.status,
    currency: state.currency,
    principal: formatMoney(loan.terms.principal),
    outstanding: componentsJson(state.outstanding),
    overdue: componentsJson(state.overdue),
    daysPastDue: state.daysPastDue,
    bucket: state.bucket,
    nextDue: state.nextDue
      ? { date: state.nextDue.date, amount: formatMoney(state.nextDue.amount) }
      : null,
    payoff: formatMoney(state.payoff),
    paidOff: state.paidOff,
  };
}

export async function borrowerView(store: Store, borrower: Borrower, now: Date) {
  const asOf = localDate(now, borrower.timeZone);
  const loans = await store.loans.forBorrower(borrower.id);
  return {
    ref: borrower.externalRef,
    name: borrower.name,
    locale: borrower.locale,
    timeZone: borrower.timeZone,
    asOf,
    flags: borrower.flags,
    loans: await Promise.all(loans.map((loan) => loanView(store, loan, asOf))),
  };
}
