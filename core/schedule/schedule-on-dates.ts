// A declining-balance schedule on given due dates (a plan re-amortizing on the loan's own cadence).
import { decliningParts } from "./declining-interest.ts";
import { installmentsOf } from "./generate-schedule.ts";
import type { Installment } from "./installment.ts";
import { periodUnits, unitsPerYear } from "./period-fraction.ts";
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
  const units = dates.map((dueDate, i) =>
    periodUnits(i === 0 ? terms.disbursedOn : (dates[i - 1] as string), dueDate, terms),
  );
  const parts = decliningParts(
    { ...terms, termCount: dates.length },
    units,
    unitsPerYear(terms.dayCount),
  );
  return installmentsOf(terms.principal.currency, dates, parts);
}
