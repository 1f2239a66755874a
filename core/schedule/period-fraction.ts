// Year fractions under a day count, as exact rates: how much of the annual rate a period earns.
import {
  type DateParts,
  dateParts,
  daysFromCivil,
  daysInMonth,
  type IsoDate,
} from "../dates/iso-date.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type Rate, rate, rateTimes } from "../money/rate.ts";
import type { DayCount, Frequency, LoanTerms } from "./terms.ts";

export type Basis = Pick<LoanTerms, "dayCount" | "frequency">;

/**
 * How many units make a year under a day count: a period's length is counted in these (days,
 * and under 30/360 a whole month counts 30), so its fraction of a year is units / unitsPerYear.
 */
export function unitsPerYear(dayCount: DayCount): number {
  return dayCount === "30/360" ? 360 : 365;
}

const DAYS_PER_PERIOD: Readonly<Record<Exclude<Frequency, "monthly">, bigint>> = {
  biweekly: 14n,
  weekly: 7n,
};

function isLastDayOfMonth(year: number, month: number, day: number): boolean {
  return daysInMonth(year, month) === day;
}

/**
 * Whole months from `start` to `end` when both sit on one anchor day, a short month's last
 * day standing in for a later anchor (Jan 31 -> Feb 28 -> Mar 31 are whole months on the
 * 31st), else 0.
 */
function wholeMonths(y1: number, m1: number, d1: number, y2: number, m2: number, d2: number) {
  const months = (y2 - y1) * 12 + (m2 - m1);
  const sameAnchor =
    d1 === d2 || (d1 < d2 ? isLastDayOfMonth(y1, m1, d1) : isLastDayOfMonth(y2, m2, d2));
  return months > 0 && sameAnchor ? months : 0;
}

/**
 * The length of [start, end) in year units (see unitsPerYear), from dates already split: a
 * schedule splits each date once. Under 30/360 a monthly period of whole (anchored) months
 * counts 30 a month, a broken one its 30E/360 days; every other period counts actual days.
 */
export function unitsBetween(
  y1: number,
  m1: number,
  d1: number,
  y2: number,
  m2: number,
  d2: number,
  basis: Basis,
): number {
  if (basis.dayCount === "30/360" && basis.frequency === "monthly") {
    const months = wholeMonths(y1, m1, d1, y2, m2, d2);
    if (months > 0) return 30 * months;
    // 30E/360: every month counts 30 days, day 31 counting as 30.
    return (y2 - y1) * 360 + (m2 - m1) * 30 + (Math.min(d2, 30) - Math.min(d1, 30));
  }
  return daysFromCivil(y2, m2, d2) - daysFromCivil(y1, m1, d1);
}

/** The length of [start, end) in year units; throws INVALID_DATE when it ends before it starts. */
export function periodUnits(start: IsoDate, end: IsoDate, basis: Basis): number {
  if (end < start) {
    throw new DomainError(
      ErrorCode.InvalidDate,
      `period ends (${end}) before it starts (${start})`,
      { start, end },
    );
  }
  const a: DateParts = dateParts(start);
  const b: DateParts = dateParts(end);
  return unitsBetween(a.year, a.month, a.day, b.year, b.month, b.day, basis);
}

/**
 * Fraction of a year in the period [start, end). Under 30/360 a monthly schedule counts each
 * whole (anchored) month as exactly 1/12, end-of-month dates included, and a broken period by
 * 30E/360 days; weekly and biweekly periods count actual days over 360. Under actual/365 it
 * is actual days over 365.
 *
 * @example periodFraction("2025-01-31", "2025-02-28", { dayCount: "30/360", frequency: "monthly" }) // 1/12
 */
export function periodFraction(start: IsoDate, end: IsoDate, basis: Basis): Rate {
  return rate(BigInt(periodUnits(start, end, basis)), BigInt(unitsPerYear(basis.dayCount)));
}

/**
 * The nominal rate of one regular period, used to size level (annuity) payments: the annual
 * rate over 12 for monthly, times 14 or 7 days over the day count's year otherwise.
 */
export function nominalPeriodicRate(
  terms: Pick<LoanTerms, "annualRate" | "dayCount" | "frequency">,
): Rate {
  const share =
    terms.frequency === "monthly"
      ? rate(1n, 12n)
      : rate(DAYS_PER_PERIOD[terms.frequency], BigInt(unitsPerYear(terms.dayCount)));
  return rateTimes(terms.annualRate, share);
}
