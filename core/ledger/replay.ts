// Replays a loan's transactions in date order over its schedule, assessing late fees as time passes.

import { allocatePayment } from "../allocation/allocate-payment.ts";
import { mifosStandard } from "../allocation/strategies.ts";
import type { AllocationStrategy } from "../allocation/strategy.ts";
import { addDays, type IsoDate } from "../dates/iso-date.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { costCeiling, type PrincipalPeriod } from "../fees/cost-ceiling.ts";
import { lateFeeAmount } from "../fees/late-fee.ts";
import { type BookInstallment, isOpen, openAmount } from "../installments/book.ts";
import { bookInstallments } from "./book-installments.ts";
import type { Loan } from "./loan.ts";
import { payoffAmount, releaseUnearnedInterest } from "./payoff.ts";
import { reschedule } from "./reschedule.ts";
import type { Transaction } from "./transaction.ts";

export interface Book {
  readonly installments: BookInstallment[];
  /** Money received beyond everything owed. */
  credit: bigint;
  lateFeesCharged: bigint;
  /** Amounts of charges that a cap cut down, for the record. */
  clampedCharges: bigint;
}

export function replay(
  loan: Loan,
  transactions: readonly Transaction[],
  asOf: IsoDate,
  strategy: AllocationStrategy = mifosStandard,
): Book {
  const book: Book = {
    installments: bookInstallments(loan.schedule, loan.terms.disbursedOn),
    credit: 0n,
    lateFeesCharged: 0n,
    clampedCharges: 0n,
  };
  const ordered = transactions
    .map((transaction, index) => ({ transaction, index }))
    .filter(({ transaction }) => transaction.date <= asOf)
    .sort((a, b) =>
      a.transaction.date === b.transaction.date
        ? a.index - b.index
        : a.transaction.date < b.transaction.date
          ? -1
          : 1,
    );
  for (const { transaction } of ordered) {
    assessLateFees(loan, book, transaction.date);
    apply(loan, book, transaction, strategy);
  }
  assessLateFees(loan, book, asOf);
  return book;
}

function apply(loan: Loan, book: Book, transaction: Transaction, strategy: AllocationStrategy) {
  const currency = loan.terms.principal.currency;
  if ("amount" in transaction && transaction.amount.currency !== currency) {
    throw new DomainError(
      ErrorCode.CurrencyMismatch,
      `a ${transaction.amount.currency} ${transaction.type} on a ${currency} loan`,
      { date: transaction.date },
    );
  }
  switch (transaction.type) {
    case "payment": {
      if (transaction.amount.minor >= payoffAmount(book.installments, transaction.date)) {
        releaseUnearnedInterest(book.installments, transaction.date);
      }
      const result = allocatePayment(
        book.installments,
        transaction.amount.minor,
        transaction.date,
        strategy,
      );
      book.credit += result.unallocated;
      return;
    }
    case "fee":
      return chargeFee(loan, book, transaction.date, transaction.amount.minor);
    case "waiver":
      return waive(book, transaction.date, transaction.amount.minor, transaction.component);
    case "reschedule":
      return reschedule(book.installments, transaction);
  }
}

function assessLateFees(loan: Loan, book: Book, upTo: IsoDate) {
  const terms = loan.lateFee;
  if (!terms) return;
  for (const installment of book.installments) {
    if (installment.lateFeeAssessed || installment.rescheduled) continue;
    if (addDays(installment.dueDate, terms.graceDays + 1) > upTo) continue;
    installment.lateFeeAssessed = true;
    const unpaid = openAmount(installment, "principal") + openAmount(installment, "interest");
    if (unpaid === 0n) continue;
    let fee = lateFeeAmount(terms, unpaid);
    if (terms.cap) fee = clamp(book, fee, terms.cap.minor - book.lateFeesCharged);
    fee = clamp(book, fee, headroom(loan, book));
    if (fee <= 0n) continue;
    installment.due.penalties += fee;
    book.lateFeesCharged += fee;
  }
}

function chargeFee(loan: Loan, book: Book, date: IsoDate, amount: bigint) {
  const live = book.installments.filter((installment) => !installment.rescheduled);
  const target = live.find((installment) => installment.dueDate >= date) ?? live.at(-1);
  if (!target) return;
  const fee = clamp(book, amount, headroom(loan, book));
  if (fee <= 0n) return;
  target.due.fees += fee;
  target.paidOn = undefined;
}

function waive(book: Book, date: IsoDate, amount: bigint, component?: "fees" | "penalties") {
  const order = component ? [component] : (["penalties", "fees"] as const);
  let remaining = amount;
  for (const part of order) {
    for (const installment of book.installments) {
      const take = min(openAmount(installment, part), remaining);
      if (take <= 0n) continue;
      installment.due[part] -= take;
      remaining -= take;
      if (!isOpen(installment)) installment.paidOn = date;
    }
  }
}

/** Cost headroom left under the loan's rate cap (undefined: no cap). Negative: the cap is breached. */
export function headroom(loan: Loan, book: Book): bigint | undefined {
  if (!loan.rateCap) return undefined;
  const periods: PrincipalPeriod[] = [];
  let cost = 0n;
  for (const installment of book.installments) {
    const repaid = installment.rescheduled ? installment.paid.principal : installment.due.principal;
    const end =
      installment.closedOn && installment.closedOn < installment.dueDate
        ? installment.closedOn
        : installment.dueDate;
    periods.push({ start: installment.periodStart, end, principalRepaid: repaid });
    const source = installment.rescheduled ? installment.paid : installment.due;
    cost += source.interest + source.fees + source.penalties;
  }
  const { principal, dayCount, frequency } = loan.terms;
  return costCeiling(principal.minor, periods, loan.rateCap, dayCount, frequency) - cost;
}

function clamp(book: Book, amount: bigint, limit: bigint | undefined): bigint {
  if (limit === undefined || amount <= limit) return amount;
  const allowed = limit < 0n ? 0n : limit;
  book.clampedCharges += amount - allowed;
  return allowed;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
