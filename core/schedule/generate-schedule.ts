// Generates a loan's repayment schedule from its terms: due dates, principal and interest.
import { type Money, moneyIn } from "../money/money.ts";
import { decliningParts } from "./declining-interest.ts";
import { flatParts } from "./flat-interest.ts";
import type { Installment } from "./installment.ts";
import type { ScheduleParts } from "./installment-parts.ts";
import { periodCalendar } from "./period-calendar.ts";
import type { LoanTerms } from "./terms.ts";
import { validateTerms } from "./validate-terms.ts";

/**
 * The schedule for `terms`: `termCount` installments whose principal parts sum exactly to the
 * principal, none negative. The first period runs from disbursement to the first due date.
 * Fees and penalties are zero here; they are charged later. Throws INVALID_TERMS naming the
 * field when the terms break a rule.
 *
 * @example generateSchedule({ principal: parseMoney("1200.00", "USD"), annualRate: parseRate("0.1299"),
 *   termCount: 12, frequency: "monthly", disbursedOn: "2025-01-15", method: "annuity",
 *   interest: "declining", dayCount: "30/360" }) // 11 × 107.17, then the rest
 */
export function generateSchedule<C extends string>(terms: LoanTerms<C>): Installment<C>[] {
  validateTerms(terms);
  const { dueDates, units, unitsPerYear } = periodCalendar(terms);
  const parts =
    terms.interest === "flat"
      ? flatParts(terms, units, unitsPerYear)
      : decliningParts(terms, units, unitsPerYear);
  return installmentsOf(terms.principal.currency, dueDates, parts);
}

/**
 * Installments from due dates and parts. Money is immutable, so an amount equal to the one
 * before it (equal principal, flat interest) shares that Money instead of making another.
 */
export function installmentsOf<C extends string>(
  currency: C,
  dueDates: readonly string[],
  parts: ScheduleParts,
): Installment<C>[] {
  const amount = moneyIn(currency);
  const none = amount(0n);
  const length = dueDates.length;
  const schedule: Installment<C>[] = new Array(length);
  let principal: Money<C> = none;
  let interest: Money<C> = none;
  for (let i = 0; i < length; i++) {
    const principalMinor = parts.principal[i] as bigint;
    const interestMinor = parts.interest[i] as bigint;
    if (principalMinor !== principal.minor) principal = amount(principalMinor);
    if (interestMinor !== interest.minor) interest = amount(interestMinor);
    schedule[i] = {
      n: i + 1,
      dueDate: dueDates[i] as string,
      principal,
      interest,
      fees: none,
      penalties: none,
    };
  }
  return schedule;
}
