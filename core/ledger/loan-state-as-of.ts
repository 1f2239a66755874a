// Loan state as of a date, derived from the schedule and the transactions up to that date.
import type { AllocationStrategy } from "../allocation/strategy.ts";
import type { IsoDate } from "../dates/iso-date.ts";
import { delinquencyBucket } from "../delinquency/bucket.ts";
import { daysPastDue } from "../delinquency/days-past-due.ts";
import {
  type BookInstallment,
  COMPONENTS,
  emptyParts,
  isOpen,
  openAmount,
  openTotalOf,
  type Parts,
  partsTotal,
} from "../installments/book.ts";
import { type Money, moneyIn } from "../money/money.ts";

type MoneyMaker<C extends string> = (minor: bigint) => Money<C>;

import type { Loan } from "./loan.ts";
import type { Components, InstallmentState, InstallmentStatus, LoanState } from "./loan-state.ts";
import { payoffAmount } from "./payoff.ts";
import { replay } from "./replay.ts";
import type { Transaction } from "./transaction.ts";

export function loanStateAsOf<C extends string>(
  loan: Loan<C>,
  transactions: readonly Transaction<C>[],
  asOf: IsoDate,
  strategy?: AllocationStrategy,
): LoanState<C> {
  const currency = loan.terms.principal.currency;
  const book = replay(loan, transactions, asOf, strategy);
  const outstanding = emptyParts();
  const overdue = emptyParts();
  for (const installment of book.installments) {
    for (const component of COMPONENTS) {
      const open = openAmount(installment, component);
      outstanding[component] += open;
      if (installment.dueDate < asOf) overdue[component] += open;
    }
  }
  const next = book.installments.find((i) => isOpen(i) && i.dueDate >= asOf);
  const dpd = daysPastDue(book.installments, asOf);
  const inCurrency = moneyIn(currency);
  // Each installment's view is 15 amounts: built on first read only, since most readers (the
  // planner's decisions, a balance answer) never look at them and they dominated the cost.
  let views: InstallmentState<C>[] | undefined;
  return {
    currency,
    asOf,
    outstanding: components(outstanding, inCurrency),
    overdue: components(overdue, inCurrency),
    daysPastDue: dpd,
    bucket: delinquencyBucket(dpd),
    payoff: inCurrency(payoffAmount(book.installments, asOf)),
    credit: inCurrency(book.credit),
    get installments() {
      views ??= book.installments.map((i) => installmentState(i, asOf, inCurrency));
      return views;
    },
    paidOff: partsTotal(outstanding) === 0n,
    ...(next && {
      nextDue: { date: next.dueDate, amount: inCurrency(openTotalOf(next)), n: next.n },
    }),
  };
}

function components<C extends string>(parts: Parts, inCurrency: MoneyMaker<C>): Components<C> {
  return {
    principal: inCurrency(parts.principal),
    interest: inCurrency(parts.interest),
    fees: inCurrency(parts.fees),
    penalties: inCurrency(parts.penalties),
    total: inCurrency(partsTotal(parts)),
  };
}

function installmentState<C extends string>(
  installment: BookInstallment,
  asOf: IsoDate,
  inCurrency: MoneyMaker<C>,
): InstallmentState<C> {
  const open = emptyParts();
  for (const component of COMPONENTS) open[component] = openAmount(installment, component);
  const state: InstallmentState<C> = {
    n: installment.n,
    dueDate: installment.dueDate,
    due: components(installment.due, inCurrency),
    paid: components(installment.paid, inCurrency),
    outstanding: components(open, inCurrency),
    status: statusOf(installment, asOf),
  };
  if (installment.rescheduled && installment.closedOn) {
    return { ...state, closedOn: installment.closedOn };
  }
  return installment.paidOn && !isOpen(installment) && !installment.rescheduled
    ? { ...state, paidOn: installment.paidOn }
    : state;
}

function statusOf(installment: BookInstallment, asOf: IsoDate): InstallmentStatus {
  if (installment.rescheduled) return "rescheduled";
  if (!isOpen(installment)) return "paid";
  if (installment.dueDate < asOf) return "overdue";
  if (installment.dueDate === asOf) return "due";
  return partsTotal(installment.paid) > 0n ? "partial" : "future";
}
