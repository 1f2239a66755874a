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
import { money } from "../money/money.ts";
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
  const state: LoanState<C> = {
    currency,
    asOf,
    outstanding: components(outstanding, currency),
    overdue: components(overdue, currency),
    daysPastDue: dpd,
    bucket: delinquencyBucket(dpd),
    payoff: money(payoffAmount(book.installments, asOf), currency),
    credit: money(book.credit, currency),
    installments: book.installments.map((i) => installmentState(i, asOf, currency)),
    paidOff: partsTotal(outstanding) === 0n,
  };
  if (!next) return state;
  return {
    ...state,
    nextDue: { date: next.dueDate, amount: money(openTotalOf(next), currency), n: next.n },
  };
}

function components<C extends string>(parts: Parts, currency: C): Components<C> {
  return {
    principal: money(parts.principal, currency),
    interest: money(parts.interest, currency),
    fees: money(parts.fees, currency),
    penalties: money(parts.penalties, currency),
    total: money(partsTotal(parts), currency),
  };
}

function installmentState<C extends string>(
  installment: BookInstallment,
  asOf: IsoDate,
  currency: C,
): InstallmentState<C> {
  const open = emptyParts();
  for (const component of COMPONENTS) open[component] = openAmount(installment, component);
  const state: InstallmentState<C> = {
    n: installment.n,
    dueDate: installment.dueDate,
    due: components(installment.due, currency),
    paid: components(installment.paid, currency),
    outstanding: components(open, currency),
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
