// A declining-balance schedule on given due dates (a plan re-amortizing on the loan's own cadence).
import { money } from "../money/money.ts";
import { decliningParts } from "./declining-interest.ts";
import type { Installment } from "./installment.ts";
import { periodFraction } from "./period-fraction.ts";
import type { LoanTerms } from "./terms.ts";

/**
 * Like `generateSchedule`, but on `dates` as given (one installment each, strictly after
 * `terms.disbursedOn` and increasing), so a plan keeps the loan's day of month rather than
 * re-anchoring on its first date (a plan starting on Feb 29 of a loan due on the 31st goes on
 * to Mar 31, not Mar 29). Interest of each period follows its actual dates.
 */
export function scheduleOnDates<C extends string>(
  terms: LoanTerms<C>,
  dates: readonly string[],
): Installment<C>[] {
  const fractions = dates.map((dueDate, i) =>
    periodFraction(i === 0 ? terms.disbursedOn : (dates[i - 1] as string), dueDate, terms),
  );
  const currency = terms.principal.currency;
  const none = money(0n, currency);
  return decliningParts({ ...terms, termCount: dates.length }, fractions).map((part, i) => ({
    n: i + 1,
    dueDate: dates[i] as string,
    principal: money(part.principal, currency),
    interest: money(part.interest, currency),
    fees: none,
    penalties: none,
  }));
}
