// Due dates of a schedule: one per installment, monthly steps keeping the first due date's day.
import { addDays, addMonths, dayOfMonth, type IsoDate } from "../dates/iso-date.ts";
import type { Frequency, LoanTerms } from "./terms.ts";

const DAYS_PER_PERIOD: Readonly<Record<Exclude<Frequency, "monthly">, number>> = {
  biweekly: 14,
  weekly: 7,
};

/** The date `count` periods after `date`; monthly steps keep `anchorDay` where the month has it. */
export function addPeriods(
  date: IsoDate,
  frequency: Frequency,
  count: number,
  anchorDay?: number,
): IsoDate {
  if (frequency === "monthly") return addMonths(date, count, anchorDay);
  return addDays(date, DAYS_PER_PERIOD[frequency] * count);
}

/** The first due date: as agreed, or one period after disbursement. */
export function firstDueDateOf(
  terms: Pick<LoanTerms, "disbursedOn" | "firstDueDate" | "frequency">,
): IsoDate {
  return terms.firstDueDate ?? addPeriods(terms.disbursedOn, terms.frequency, 1);
}

/** The day of month monthly due dates keep (clamped to shorter months): the first due date's. */
export function monthlyAnchorDay(
  terms: Pick<LoanTerms, "disbursedOn" | "firstDueDate" | "frequency">,
): number {
  return dayOfMonth(firstDueDateOf(terms));
}

/**
 * `termCount` due dates, strictly increasing. Monthly dates are anchored on the first due
 * date's day of month: a first due date of Jan 31 gives Feb 28 (or 29), then Mar 31, as
 * Apache Fineract does.
 *
 * @example dueDates({ ...terms, disbursedOn: "2025-01-15", termCount: 2 }) // ["2025-02-15", "2025-03-15"]
 */
export function dueDates(
  terms: Pick<LoanTerms, "disbursedOn" | "firstDueDate" | "frequency" | "termCount">,
): IsoDate[] {
  const first = firstDueDateOf(terms);
  const anchorDay = dayOfMonth(first);
  return Array.from({ length: terms.termCount }, (_, k) =>
    addPeriods(first, terms.frequency, k, anchorDay),
  );
}
