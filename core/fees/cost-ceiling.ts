// The all-in cost ceiling under a rate cap: what the cap rate would charge on the principal timeline.
import type { IsoDate } from "../dates/iso-date.ts";
import type { Rate } from "../money/rate.ts";
import { floor } from "../money/rounding.ts";
import { periodFraction } from "../schedule/period-fraction.ts";
import type { DayCount, Frequency } from "../schedule/terms.ts";

/** A stretch of time over which the balance stood, and the principal repaid at its end. */
export interface PrincipalPeriod {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly principalRepaid: bigint;
}

/**
 * Sum over periods of (principal outstanding at the period's start x cap rate x the period's
 * year fraction), floored so the ceiling never rounds in the lender's favour. Interest plus
 * every fee and penalty must stay at or below it; late fees are clamped to the headroom.
 */
export function costCeiling(
  principal: bigint,
  periods: readonly PrincipalPeriod[],
  capRate: Rate,
  dayCount: DayCount,
  frequency: Frequency,
): bigint {
  let balance = principal;
  let num = 0n;
  let den = 1n;
  for (const period of periods) {
    if (period.end > period.start && balance > 0n) {
      const fraction = periodFraction(period.start, period.end, { dayCount, frequency });
      const termNum = balance * capRate.num * fraction.num;
      const termDen = capRate.den * fraction.den;
      num = num * termDen + termNum * den;
      den *= termDen;
      const g = gcd(num, den);
      num /= g;
      den /= g;
    }
    balance -= period.principalRepaid;
  }
  return floor(num, den);
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}
