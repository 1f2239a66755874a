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
  // Year fractions have denominators dividing 12, 360 or 365, so all of them divide
  // lcm(360, 365) = 26280: sum in that fixed unit and round once, exactly, at the end.
  let balance = principal;
  let sum = 0n;
  for (const period of periods) {
    if (period.end > period.start && balance > 0n) {
      const fraction = periodFraction(period.start, period.end, { dayCount, frequency });
      sum += balance * fraction.num * (YEAR_UNIT / fraction.den);
    }
    balance -= period.principalRepaid;
  }
  return floor(sum * capRate.num, YEAR_UNIT * capRate.den);
}

const YEAR_UNIT = 26_280n;
