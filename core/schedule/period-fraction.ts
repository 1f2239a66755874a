// Year fractions under a day count, as exact rates: how much of the annual rate a period earns.
import { days360, daysFromCivil, daysInMonth, type IsoDate } from "../dates/iso-date.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type Rate, rate, rateTimes } from "../money/rate.ts";
import type { DayCount, Frequency, LoanTerms } from "./terms.ts";

type Basis = Pick<LoanTerms, "dayCount" | "frequency">;

const DAYS_IN_YEAR: Readonly<Record<DayCount, bigint>> = { "30/360": 360n, "actual/365": 365n };
const DAYS_PER_PERIOD: Readonly<Record<Exclude<Frequency, "monthly">, bigint>> = {
  biweekly: 14n,
  weekly: 7n,
};

type Ymd = readonly [year: number, month: number, day: number];

function parts(date: IsoDate): Ymd {
  const at = (i: number) => date.charCodeAt(i) - 48;
  return [at(0) * 1000 + at(1) * 100 + at(2) * 10 + at(3), at(5) * 10 + at(6), at(8) * 10 + at(9)];
}

/** Actual days between two dates; integer calendar arithmetic (no DST, no Date, no luxon). */
function actualDays([y1, m1, d1]: Ymd, [y2, m2, d2]: Ymd): number {
  return daysFromCivil(y2, m2, d2) - daysFromCivil(y1, m1, d1);
}

function isLastDayOfMonth(year: number, month: number, day: number): boolean {
  return daysInMonth(year, month) === day;
}

/**
 * Whole months from `start` to `end` when both sit on one anchor day, a short month's last
 * day standing in for a later anchor (Jan 31 -> Feb 28 -> Mar 31 are whole months on the
 * 31st), else undefined.
 */
function wholeMonths([y1, m1, d1]: Ymd, [y2, m2, d2]: Ymd): number | undefined {
  const months = (y2 - y1) * 12 + (m2 - m1);
  const sameAnchor =
    d1 === d2 || (d1 < d2 ? isLastDayOfMonth(y1, m1, d1) : isLastDayOfMonth(y2, m2, d2));
  return months > 0 && sameAnchor ? months : undefined;
}

/** One twelfth, the fraction of almost every monthly 30/360 period: shared, not rebuilt. */
const ONE_MONTH = rate(1n, 12n);

/** The fraction of [start, end) from dates already split (each date of a schedule is split once). */
function fractionBetween(start: IsoDate, a: Ymd, end: IsoDate, b: Ymd, basis: Basis): Rate {
  if (end < start) {
    throw new DomainError(
      ErrorCode.InvalidDate,
      `period ends (${end}) before it starts (${start})`,
      {
        start,
        end,
      },
    );
  }
  if (basis.dayCount === "30/360" && basis.frequency === "monthly") {
    const months = wholeMonths(a, b);
    if (months === 1) return ONE_MONTH;
    return months === undefined
      ? rate(BigInt(days360(start, end)), 360n)
      : rate(BigInt(months), 12n);
  }
  return rate(BigInt(actualDays(a, b)), DAYS_IN_YEAR[basis.dayCount]);
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
  return fractionBetween(start, parts(start), end, parts(end), basis);
}

/**
 * The fractions of a schedule's periods: from `start` to the first due date, then from each
 * due date to the next; the same as periodFraction on each pair, each date split once.
 */
export function periodFractions(
  start: IsoDate,
  dueDates: readonly IsoDate[],
  basis: Basis,
): Rate[] {
  const fractions: Rate[] = new Array(dueDates.length);
  let from = start;
  let fromParts = parts(start);
  for (let i = 0; i < dueDates.length; i++) {
    const to = dueDates[i] as IsoDate;
    const toParts = parts(to);
    fractions[i] = fractionBetween(from, fromParts, to, toParts, basis);
    from = to;
    fromParts = toParts;
  }
  return fractions;
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
      : rate(DAYS_PER_PERIOD[terms.frequency], DAYS_IN_YEAR[terms.dayCount]);
  return rateTimes(terms.annualRate, share);
}
