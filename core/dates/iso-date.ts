// Calendar dates as ISO "YYYY-MM-DD" strings: validated, compared as text, stepped with luxon in UTC.
import { DateTime } from "luxon";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";

/** A calendar date, "YYYY-MM-DD". ISO dates compare correctly as strings. */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDateTime(date: IsoDate): DateTime {
  return DateTime.fromISO(date, { zone: "utc" });
}

function fromDateTime(value: DateTime): IsoDate {
  return value.toISODate() as IsoDate;
}

export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && toDateTime(text).isValid;
}

/** Returns `text` if it is a real calendar date, else throws INVALID_DATE naming `field`. */
export function parseIsoDate(text: string, field = "date"): IsoDate {
  if (typeof text !== "string" || !isIsoDate(text)) {
    throw new DomainError(ErrorCode.InvalidDate, `${field}: "${text}" is not a date (YYYY-MM-DD)`, {
      field,
      text,
    });
  }
  return text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDateTime(toDateTime(date).plus({ days }));
}

/**
 * Adds months keeping the anchor day where the month has it, else the month's last day:
 * anchored on the 31st, Jan 31 + 1 month is Feb 28 (or 29), + 2 months is Mar 31.
 */
export function addMonths(date: IsoDate, months: number, anchorDay?: number): IsoDate {
  const start = toDateTime(date);
  const target = start.startOf("month").plus({ months });
  const day = Math.min(anchorDay ?? start.day, target.daysInMonth ?? 28);
  return fromDateTime(target.set({ day }));
}

/** Actual days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(toDateTime(to).diff(toDateTime(from), "days").days);
}

/** Days between two dates under 30E/360: every month counts 30 days (day 31 counts as 30). */
export function days360(from: IsoDate, to: IsoDate): number {
  const a = toDateTime(from);
  const b = toDateTime(to);
  const d1 = Math.min(a.day, 30);
  const d2 = Math.min(b.day, 30);
  return (b.year - a.year) * 360 + (b.month - a.month) * 30 + (d2 - d1);
}

export function dayOfMonth(date: IsoDate): number {
  return toDateTime(date).day;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
