// Generates a loan's repayment schedule from its terms: due dates, principal and interest.
import { moneyIn } from "../money/money.ts";
import { decliningParts } from "./declining-interest.ts";
import { dueDates } from "./due-dates.ts";
import { flatParts } from "./flat-interest.ts";
import type { Installment } from "./installment.ts";
import type { InstallmentParts } from "./installment-parts.ts";
import { periodFractions } from "./period-fraction.ts";
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
  const dates = dueDates(terms);
  const fractions = periodFractions(terms.disbursedOn, dates, terms);
  const parts =
    terms.interest === "flat" ? flatParts(terms, fractions) : decliningParts(terms, fractions);
  const amount = moneyIn(terms.principal.currency);
  const none = amount(0n);
  const schedule: Installment<C>[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as InstallmentParts;
    schedule[i] = {
      n: i + 1,
      dueDate: dates[i] as string,
      principal: amount(part.principal),
      interest: amount(part.interest),
      fees: none,
      penalties: none,
    };
  }
  return schedule;
}
