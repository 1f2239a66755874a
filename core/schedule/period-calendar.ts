// A schedule's calendar: each due date and each period's length in year units, in one pass.
import {
  dateOfDayNumber,
  dateParts,
  dayNumber,
  daysFromCivil,
  daysInMonth,
  type IsoDate,
} from "../dates/iso-date.ts";
import { unitsBetween, unitsPerYear } from "./period-fraction.ts";
import type { LoanTerms } from "./terms.ts";

type CalendarTerms = Pick<
  LoanTerms,
  "disbursedOn" | "firstDueDate" | "frequency" | "termCount" | "dayCount"
>;

export interface PeriodCalendar {
  /** `termCount` due dates, strictly increasing (see dueDates). */
  readonly dueDates: IsoDate[];
  /**
   * Length of each period in year units: disbursement to the first due date, then each due
   * date to the next. Period i earns units[i] / unitsPerYear of the annual rate.
   */
  readonly units: number[];
  /** 360 under 30/360, 365 under actual/365. */
  readonly unitsPerYear: number;
}

const STEP_DAYS = { weekly: 7, biweekly: 14 } as const;

/**
 * The due dates and period lengths of `terms`, the same as dueDates and periodFraction give,
 * computed on integers: each date is split once and its text comes from the shared table of
 * dates (no string is built per installment).
 */
export function periodCalendar(terms: CalendarTerms): PeriodCalendar {
  const count = terms.termCount;
  const dueDates: IsoDate[] = new Array(count);
  const units: number[] = new Array(count);
  if (terms.frequency === "monthly") monthly(terms, dueDates, units);
  else stepped(terms, STEP_DAYS[terms.frequency], dueDates, units);
  return { dueDates, units, unitsPerYear: unitsPerYear(terms.dayCount) };
}

/** Monthly dates anchored on the first due date's day of month, clamped to shorter months. */
function monthly(terms: CalendarTerms, dueDates: IsoDate[], units: number[]): void {
  const start = dateParts(terms.disbursedOn);
  let firstYear: number;
  let firstMonth: number;
  let anchor: number;
  if (terms.firstDueDate === undefined) {
    // One month after disbursement, on its day where the month has it.
    const index = start.year * 12 + start.month;
    firstYear = Math.floor(index / 12);
    firstMonth = index - firstYear * 12 + 1;
    anchor = Math.min(start.day, daysInMonth(firstYear, firstMonth));
  } else {
    const first = dateParts(terms.firstDueDate);
    firstYear = first.year;
    firstMonth = first.month;
    anchor = first.day;
  }
  let y = start.year;
  let m = start.month;
  let d = start.day;
  const firstIndex = firstYear * 12 + (firstMonth - 1);
  for (let k = 0; k < dueDates.length; k++) {
    const index = firstIndex + k;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    const day = Math.min(anchor, daysInMonth(year, month));
    dueDates[k] = dateOfDayNumber(daysFromCivil(year, month, day));
    units[k] = unitsBetween(y, m, d, year, month, day, terms);
    y = year;
    m = month;
    d = day;
  }
}

/** Weekly or biweekly dates: `step` days apart from the first due date. */
function stepped(terms: CalendarTerms, step: number, dueDates: IsoDate[], units: number[]): void {
  const start = dayNumber(terms.disbursedOn);
  const first = terms.firstDueDate === undefined ? start + step : dayNumber(terms.firstDueDate);
  for (let k = 0; k < dueDates.length; k++) {
    const day = first + step * k;
    dueDates[k] = dateOfDayNumber(day);
    // Actual days under both day counts (over 360 or 365).
    units[k] = k === 0 ? first - start : step;
  }
}
