// What a plan restructures: the loan's open amounts as of today, split into arrears and the rest.
import { dayOfMonth, type IsoDate } from "../dates/iso-date.ts";
import {
  type BookInstallment,
  COMPONENTS,
  emptyParts,
  isOpen,
  openAmount,
  type Parts,
} from "../ledger/book.ts";
import type { Loan } from "../ledger/loan.ts";
import { type Book, replay } from "../ledger/replay.ts";
import type { Transaction } from "../ledger/transaction.ts";
import { addPeriods, firstDueDateOf } from "../schedule/due-dates.ts";

export interface RestructureBase {
  readonly asOf: IsoDate;
  readonly book: Book;
  /** Open amounts of installments due before today. */
  readonly arrears: Parts;
  /** Open amounts of every live installment. */
  readonly outstanding: Parts;
  /** Open installments due today or later, in order. */
  readonly upcoming: readonly BookInstallment[];
  /** Where interest of a re-amortized schedule starts: the start of the running period. */
  readonly accrualStart: IsoDate;
  /** The next `n` due dates on the loan's cadence, strictly after today unless one is due today. */
  readonly nextDueDates: (count: number) => IsoDate[];
}

export function restructureBase(
  loan: Loan,
  transactions: readonly Transaction[],
  asOf: IsoDate,
): RestructureBase {
  const book = replay(loan, transactions, asOf);
  const arrears = emptyParts();
  const outstanding = emptyParts();
  for (const installment of book.installments) {
    for (const component of COMPONENTS) {
      const open = openAmount(installment, component);
      outstanding[component] += open;
      if (installment.dueDate < asOf) arrears[component] += open;
    }
  }
  const upcoming = book.installments.filter((i) => isOpen(i) && i.dueDate >= asOf);
  const live = book.installments.filter((i) => !i.rescheduled);
  const anchor = live[0]?.dueDate ?? firstDueDateOf(loan.terms);
  const anchorDay = dayOfMonth(firstDueDateOf(loan.terms));
  const { frequency } = loan.terms;
  const firstNext =
    upcoming[0]?.dueDate ?? firstCadenceDateAfter(anchor, asOf, frequency, anchorDay);
  const lastPast = [...live].reverse().find((i) => i.dueDate < asOf);
  const accrualStart = upcoming[0]?.periodStart ?? lastPast?.dueDate ?? loan.terms.disbursedOn;
  return {
    asOf,
    book,
    arrears,
    outstanding,
    upcoming,
    accrualStart,
    nextDueDates: (count) => cadenceFrom(firstNext, count, frequency, anchorDay),
  };
}

function firstCadenceDateAfter(
  anchor: IsoDate,
  asOf: IsoDate,
  frequency: Loan["terms"]["frequency"],
  anchorDay: number,
): IsoDate {
  let k = 0;
  let date = anchor;
  while (date <= asOf) {
    k += 1;
    date = addPeriods(anchor, frequency, k, anchorDay);
  }
  return date;
}

function cadenceFrom(
  first: IsoDate,
  count: number,
  frequency: Loan["terms"]["frequency"],
  anchorDay: number,
): IsoDate[] {
  return Array.from({ length: count }, (_, k) => addPeriods(first, frequency, k, anchorDay));
}
