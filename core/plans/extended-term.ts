// Extended-term plan: the outstanding principal re-amortized over more installments, at the loan's rate.

import type { Loan } from "../ledger/loan.ts";
import type { RescheduleInstallment } from "../ledger/transaction.ts";
import { money } from "../money/money.ts";
import { scheduleOnDates } from "../schedule/schedule-on-dates.ts";
import { carriedCharges } from "./carried-charges.ts";
import type { PlanNotOffered } from "./plan-option.ts";
import { largestInstallment, withCarried } from "./plan-schedule.ts";
import type { RestructureBase } from "./restructure-base.ts";

export function extendedSchedule<C extends string>(
  loan: Loan<C>,
  base: RestructureBase,
  maxTermCount: number,
  affordable?: bigint,
): RescheduleInstallment<C>[] | PlanNotOffered {
  if (base.outstanding.principal === 0n) return { kind: "extended", reason: "NOT_NEEDED" };
  const remaining = Math.max(base.upcoming.length, 1);
  if (maxTermCount <= remaining) return { kind: "extended", reason: "MAX_TERM_REACHED" };
  const build = (count: number) =>
    reamortize(loan, base, base.outstanding.principal, count, base.asOf, 0);
  if (affordable === undefined) {
    return build(Math.min(maxTermCount, Math.max(2 * remaining, remaining + 1)));
  }
  // Installments fall as the term grows: find the shortest term within the affordable amount.
  let low = remaining + 1;
  let high = maxTermCount;
  let best: RescheduleInstallment<C>[] | undefined;
  while (low <= high) {
    const count = Math.floor((low + high) / 2);
    const schedule = build(count);
    if (largestInstallment(schedule) <= affordable) {
      best = schedule;
      high = count - 1;
    } else {
      low = count + 1;
    }
  }
  if (best) return best;
  return { kind: "extended", reason: "ABOVE_AFFORDABLE" };
}

/**
 * Annuity over `count` installments on the loan's cadence from `dateOffset` (dates strictly after
 * `accrualStart`, keeping the loan's day of month), interest from `accrualStart`; interest earned
 * before it, fees and penalties are carried evenly over every installment.
 */
export function reamortize<C extends string>(
  loan: Loan<C>,
  base: RestructureBase,
  principal: bigint,
  count: number,
  accrualStart: string,
  dateOffset: number,
): RescheduleInstallment<C>[] {
  const dates = base
    .nextDueDates(dateOffset + count + 1)
    .slice(dateOffset)
    .filter((date) => date > accrualStart)
    .slice(0, count);
  const currency = loan.terms.principal.currency;
  const schedule = scheduleOnDates(
    {
      principal: money(principal, currency),
      annualRate: loan.terms.annualRate,
      termCount: count,
      frequency: loan.terms.frequency,
      disbursedOn: accrualStart,
      method: "annuity",
      interest: "declining",
      dayCount: loan.terms.dayCount,
    },
    dates,
  );
  const numbered = schedule.map((installment, i) => ({ ...installment, n: dateOffset + i + 1 }));
  return withCarried(numbered, carriedCharges(base), count);
}
