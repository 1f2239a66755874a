// Calendar dates as ISO "YYYY-MM-DD" strings: validated, compared as text, stepped in UTC day numbers.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";

/** A calendar date, "YYYY-MM-DD". ISO dates compare correctly as strings. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function split(date: IsoDate): Ymd {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function join(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 (proleptic Gregorian, no time zones involved). */
function dayNumber(date: IsoDate): number {
  const { year, month, day } = split(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromDayNumber(days: number): IsoDate {
  const d = new Date(days * DAY_MS);
  return join(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(text: string): boolean {
  const match = typeof text === "string" ? ISO_DATE.exec(text) : null;
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Returns `text` if it is a real calendar date, else throws INVALID_DATE naming `field`. */
export function parseIsoDate(text: string, field = "date"): IsoDate {
  if (!isIsoDate(text)) {
    throw new DomainError(ErrorCode.InvalidDate, `${field}: "${text}" is not a date (YYYY-MM-DD)`, {
      field,
      text,
    });
  }
  return text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Adds months keeping the anchor day where the month has it, else the month's last day:
 * anchored on the 31st, Jan 31 + 1 month is Feb 28 (or 29), + 2 months is Mar 31.
 */
export function addMonths(date: IsoDate, months: number, anchorDay?: number): IsoDate {
  const { year, month, day } = split(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(anchorDay ?? day, daysInMonth(targetYear, targetMonth));
  return join(targetYear, targetMonth, targetDay);
}

/** Actual days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Days between two dates under 30E/360: every month counts 30 days (day 31 counts as 30). */
export function days360(from: IsoDate, to: IsoDate): number {
  const a = split(from);
  const b = split(to);
  const d1 = Math.min(a.day, 30);
  const d2 = Math.min(b.day, 30);
  return (b.year - a.year) * 360 + (b.month - a.month) * 30 + (d2 - d1);
}

export function dayOfMonth(date: IsoDate): number {
  return split(date).day;
}

/** 1 = Monday ... 7 = Sunday (ISO weekday). */
export function weekday(date: IsoDate): number {
  const day = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return day === 0 ? 7 : day;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
