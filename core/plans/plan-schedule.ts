// Building blocks for plan schedules: installments from parts, spreading carried amounts, totals.
import type { IsoDate } from "../dates/iso-date.ts";
import type { Parts } from "../installments/book.ts";
import type { RescheduleInstallment } from "../ledger/transaction.ts";
import { allocate } from "../money/allocate.ts";
import { type Money, money } from "../money/money.ts";
import { type Installment, installmentTotal } from "../schedule/installment.ts";

/** A plan installment; `carriedInterest` is the part of its interest earned before the plan. */
export function installmentOf<C extends string>(
  n: number,
  dueDate: IsoDate,
  parts: Parts,
  currency: C,
  carriedInterest = 0n,
): RescheduleInstallment<C> {
  return {
    n,
    dueDate,
    principal: money(parts.principal, currency),
    interest: money(parts.interest, currency),
    fees: money(parts.fees, currency),
    penalties: money(parts.penalties, currency),
    carriedInterest: money(carriedInterest, currency),
  };
}

export function partsOf(installment: Installment): Parts {
  return {
    principal: installment.principal.minor,
    interest: installment.interest.minor,
    fees: installment.fees.minor,
    penalties: installment.penalties.minor,
  };
}

/** Splits `amount` into `count` near-equal shares (exact; earlier shares take the leftover units). */
export function spread(amount: bigint, count: number, currency: string): bigint[] {
  if (amount === 0n) return Array.from({ length: count }, () => 0n);
  return allocate(
    money(amount, currency),
    Array.from({ length: count }, () => 1n),
  ).map((share) => share.minor);
}

/**
 * Adds carried interest, fees and penalties, spread evenly over the first `over` installments;
 * every installment states the interest it carries (zero past the first `over`).
 */
export function withCarried<C extends string>(
  schedule: readonly Installment<C>[],
  carried: Pick<Parts, "interest" | "fees" | "penalties">,
  over: number,
): RescheduleInstallment<C>[] {
  const count = Math.min(over, schedule.length);
  const currency = schedule[0]?.principal.currency ?? "";
  const shares = {
    interest: spread(carried.interest, count, currency),
    fees: spread(carried.fees, count, currency),
    penalties: spread(carried.penalties, count, currency),
  };
  return schedule.map((installment, i) => {
    const parts = partsOf(installment);
    const interest = i < count ? (shares.interest[i] ?? 0n) : 0n;
    parts.interest += interest;
    if (i < count) {
      parts.fees += shares.fees[i] ?? 0n;
      parts.penalties += shares.penalties[i] ?? 0n;
    }
    const currency = installment.principal.currency;
    return installmentOf(installment.n, installment.dueDate, parts, currency, interest);
  });
}

export function totalOf<C extends string>(
  schedule: readonly Installment<C>[],
  currency: C,
): Money<C> {
  return money(
    schedule.reduce((acc, installment) => acc + installmentTotal(installment), 0n),
    currency,
  );
}

export function largestInstallment(schedule: readonly Installment[]): bigint {
  return schedule.reduce((acc, i) => (installmentTotal(i) > acc ? installmentTotal(i) : acc), 0n);
}
