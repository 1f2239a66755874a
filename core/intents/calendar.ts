// Calendar steps the date parsers need: weekdays, week starts, and days clamped to a month.
import { DateTime } from "luxon";
import { addDays, addMonths, type IsoDate } from "../dates/iso-date.ts";

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

function toDateTime(date: IsoDate): DateTime {
  return DateTime.fromISO(date, { zone: "utc" });
}

export function weekdayOf(date: IsoDate): Weekday {
  return toDateTime(date).weekday as Weekday;
}

/** The Monday of the ISO week (Monday to Sunday) holding `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** The first day of the month `months` after the month holding `date`. */
export function firstOfMonth(date: IsoDate, months: number): IsoDate {
  return addMonths(date.slice(0, 8).concat("01"), months);
}

/** `day` of the month `months` after `date`'s month; past the month's end, its last day. */
export function dayInMonth(date: IsoDate, months: number, day: number): IsoDate {
  const first = toDateTime(firstOfMonth(date, months));
  return first.set({ day: Math.min(day, first.daysInMonth ?? 28) }).toISODate() as IsoDate;
}

export function lastOfMonth(date: IsoDate, months: number): IsoDate {
  return dayInMonth(date, months, 31);
}

/** The date for year/month/day, or undefined when there is no such day (Feb 30). */
export function calendarDate(year: number, month: number, day: number): IsoDate | undefined {
  const value = DateTime.fromObject({ year, month, day }, { zone: "utc" });
  return value.isValid ? (value.toISODate() as IsoDate) : undefined;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
