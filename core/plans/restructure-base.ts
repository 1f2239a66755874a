// What a plan restructures: the loan's open amounts as of today, split into arrears and the rest.
import type { IsoDate } from "../dates/iso-date.ts";
import {
  type BookInstallment,
  COMPONENTS,
  emptyParts,
  isOpen,
  openAmount,
  type Parts,
} from "../installments/book.ts";
import type { Loan } from "../ledger/loan.ts";
import { interestOwedEach } from "../ledger/payoff.ts";
import { type Book, replay } from "../ledger/replay.ts";
import type { Transaction } from "../ledger/transaction.ts";
import { addPeriods, firstDueDateOf, monthlyAnchorDay } from "../schedule/due-dates.ts";

export interface RestructureBase {
  readonly asOf: IsoDate;
  readonly book: Book;
  /** Open amounts of installments due before today. */
  readonly arrears: Parts;
  /** Open amounts of every live installment. */
  readonly outstanding: Parts;
  /** Open installments due today or later, in order. */
  readonly upcoming: readonly BookInstallment[];
  /** Interest earned and unpaid today (what the payoff holds): a plan carries all of it. */
  readonly earnedInterest: bigint;
  /** Of each upcoming installment's open interest, what is earned today (aligned with `upcoming`). */
  readonly upcomingEarned: readonly bigint[];
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
  const owed = interestOwedEach(book.installments, asOf);
  const upcoming: BookInstallment[] = [];
  const upcomingEarned: bigint[] = [];
  book.installments.forEach((installment, i) => {
    if (!isOpen(installment) || installment.dueDate < asOf) return;
    upcoming.push(installment);
    upcomingEarned.push(owed[i] ?? 0n);
  });
  const live = book.installments.filter((i) => !i.rescheduled);
  const anchor = live[0]?.dueDate ?? firstDueDateOf(loan.terms);
  const anchorDay = monthlyAnchorDay(loan.terms);
  const { frequency } = loan.terms;
  const firstNext =
    upcoming[0]?.dueDate ?? firstCadenceDateAfter(anchor, asOf, frequency, anchorDay);
  return {
    asOf,
    book,
    arrears,
    outstanding,
    upcoming,
    earnedInterest: owed.reduce((acc, o) => acc + o, 0n),
    upcomingEarned,
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
