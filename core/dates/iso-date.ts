// Calendar dates as ISO "YYYY-MM-DD" strings: validated, compared as text, stepped in UTC day numbers.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";

/** A calendar date, "YYYY-MM-DD". ISO dates compare correctly as strings. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The number written at `from` (inclusive) to `to` (exclusive): digits only, as an IsoDate has. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

// Read and written without Number(slice) or padStart: every schedule steps through these.
/** Year, month (1-12) and day of an ISO date. */
export function dateParts(date: IsoDate): DateParts {
  return { year: digits(date, 0, 4), month: digits(date, 5, 7), day: digits(date, 8, 10) };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function join(year: number, month: number, day: number): IsoDate {
  const y = year >= 1000 && year <= 9999 ? String(year) : pad(year, 4);
  return `${y}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** Days since 1970-01-01 (proleptic Gregorian, no time zones involved). */
export function dayNumber(date: IsoDate): number {
  return daysFromCivil(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10));
}

function textOfDayNumber(days: number): IsoDate {
  const { year, month, day } = civilFromDays(days);
  return join(year, month, day);
}

// The text of each date from 1970 to 2328, made once and then shared: a book's schedules name
// the same few thousand dates, so their installments point at one string per date instead of
// each building (and the collector copying) its own. Chunks of 512 days are made on first use.
const CHUNK_BITS = 9;
const CHUNK_DAYS = 1 << CHUNK_BITS;
const CACHED_DAYS = 256 * CHUNK_DAYS;
const dateTexts: (IsoDate | undefined)[][] = new Array(256);

/** The date `days` after 1970-01-01 ("YYYY-MM-DD"): the inverse of dayNumber. */
export function dateOfDayNumber(days: number): IsoDate {
  if (days < 0 || days >= CACHED_DAYS) return textOfDayNumber(days);
  const chunk = dateTexts[days >> CHUNK_BITS] ?? newChunk(days >> CHUNK_BITS);
  const offset = days & (CHUNK_DAYS - 1);
  const text = chunk[offset];
  if (text !== undefined) return text;
  const made = textOfDayNumber(days);
  chunk[offset] = made;
  return made;
}

function newChunk(index: number): (IsoDate | undefined)[] {
  const chunk: (IsoDate | undefined)[] = new Array(CHUNK_DAYS).fill(undefined);
  dateTexts[index] = chunk;
  return chunk;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, in integer arithmetic (H. Hinnant's
 * days_from_civil): what Date.UTC gives divided by a day's milliseconds, without a Date.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date `days` after 1970-01-01: the inverse of daysFromCivil (civil_from_days). */
function civilFromDays(days: number): DateParts {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? new Date(Date.UTC(year, month, 0)).getUTCDate();
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
  return dateOfDayNumber(dayNumber(date) + days);
}

/**
 * Adds months keeping the anchor day where the month has it, else the month's last day:
 * anchored on the 31st, Jan 31 + 1 month is Feb 28 (or 29), + 2 months is Mar 31.
 */
export function addMonths(date: IsoDate, months: number, anchorDay?: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(anchorDay ?? day, daysInMonth(targetYear, targetMonth));
  return dateOfDayNumber(daysFromCivil(targetYear, targetMonth, targetDay));
}

/** Actual days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Days between two dates under 30E/360: every month counts 30 days (day 31 counts as 30). */
export function days360(from: IsoDate, to: IsoDate): number {
  const a = dateParts(from);
  const b = dateParts(to);
  const d1 = Math.min(a.day, 30);
  const d2 = Math.min(b.day, 30);
  return (b.year - a.year) * 360 + (b.month - a.month) * 30 + (d2 - d1);
}

export function dayOfMonth(date: IsoDate): number {
  return dateParts(date).day;
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
