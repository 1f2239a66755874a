// Hardship plan: interest frozen and reduced payments for up to three periods, then re-amortized.

import { emptyParts, openTotalOf } from "../installments/book.ts";
import type { Loan } from "../ledger/loan.ts";
import type { RescheduleInstallment } from "../ledger/transaction.ts";
import { halfUp } from "../money/rounding.ts";
import { carriedCharges } from "./carried-charges.ts";
import { reamortize } from "./extended-term.ts";
import type { PlanNotOffered } from "./plan-option.ts";
import { installmentOf } from "./plan-schedule.ts";
import type { RestructureBase } from "./restructure-base.ts";

export const MAX_HARDSHIP_PERIODS = 3;

export interface HardshipSchedule<C extends string> {
  readonly schedule: RescheduleInstallment<C>[];
  readonly reduced: bigint;
  readonly reducedCount: number;
}

/**
 * Reduced installments pay principal only (interest frozen); the payment is the affordable
 * amount, or half the regular installment. Afterwards the rest is re-amortized over as many
 * installments as the current schedule has left (within the max term), interest starting
 * from the last reduced installment, with interest earned to date, fees and penalties carried
 * (when the reduced installments repay all principal, those fall due the period after).
 */
export function hardshipSchedule<C extends string>(
  loan: Loan<C>,
  base: RestructureBase,
  maxTermCount: number,
  affordable?: bigint,
): HardshipSchedule<C> | PlanNotOffered {
  const principal = base.outstanding.principal;
  if (principal === 0n) return { kind: "hardship", reason: "NOT_NEEDED" };
  const regular = base.upcoming[0] ? openTotalOf(base.upcoming[0]) : 0n;
  const reduced = affordable ?? halfUp(regular, 2n);
  if (regular > 0n && reduced >= regular) return { kind: "hardship", reason: "NOT_NEEDED" };
  const reducedCount = Math.min(MAX_HARDSHIP_PERIODS, maxTermCount - 1);
  if (reducedCount < 1) return { kind: "hardship", reason: "MAX_TERM_REACHED" };
  const currency = loan.terms.principal.currency;
  const dates = base.nextDueDates(reducedCount);
  let left = principal;
  const schedule: RescheduleInstallment<C>[] = dates.map((dueDate, i) => {
    const parts = emptyParts();
    parts.principal = reduced < left ? reduced : left;
    left -= parts.principal;
    return installmentOf(i + 1, dueDate, parts, currency);
  });
  const after = Math.min(maxTermCount - reducedCount, Math.max(base.upcoming.length, 1));
  const frozenUntil = dates.at(-1) ?? base.asOf;
  if (left > 0n) schedule.push(...reamortize(loan, base, left, after, frozenUntil, reducedCount));
  else if (hasCharges(base)) schedule.push(chargesInstallment(base, reducedCount, currency));
  return { schedule, reduced, reducedCount };
}

function hasCharges(base: RestructureBase): boolean {
  const carried = carriedCharges(base);
  return carried.interest + carried.fees + carried.penalties > 0n;
}

/** The reduced installments repaid all principal: what was owed besides falls due next period. */
function chargesInstallment<C extends string>(
  base: RestructureBase,
  reducedCount: number,
  currency: C,
): RescheduleInstallment<C> {
  const carried = carriedCharges(base);
  const dueDate = base.nextDueDates(reducedCount + 1).at(-1) as string;
  const parts = { ...emptyParts(), ...carried };
  return installmentOf(reducedCount + 1, dueDate, parts, currency, carried.interest);
}
