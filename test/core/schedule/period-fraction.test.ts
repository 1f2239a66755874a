// Year fractions and nominal periodic rates under 30/360 and actual/365.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, days360, daysBetween } from "../../../core/dates/iso-date.ts";
import { parseRate, rate } from "../../../core/money/rate.ts";
import { nominalPeriodicRate, periodFraction } from "../../../core/schedule/index.ts";

const monthly360 = { dayCount: "30/360", frequency: "monthly" } as const;
const monthly365 = { dayCount: "actual/365", frequency: "monthly" } as const;

describe("periodFraction", () => {
  it("counts a whole month as exactly 1/12 under 30/360, end-of-month anchors included", () => {
    expect(periodFraction("2025-01-15", "2025-02-15", monthly360)).toEqual(rate(1n, 12n));
    expect(periodFraction("2025-01-31", "2025-02-28", monthly360)).toEqual(rate(1n, 12n));
    expect(periodFraction("2025-02-28", "2025-03-31", monthly360)).toEqual(rate(1n, 12n));
    expect(periodFraction("2024-01-30", "2024-02-29", monthly360)).toEqual(rate(1n, 12n));
    expect(periodFraction("2025-01-15", "2025-04-15", monthly360)).toEqual(rate(3n, 12n));
  });

  it("counts a broken monthly period in 30E/360 days", () => {
    // Jan 10 -> Feb 1: (2 − 1)·30 + (1 − 10) = 21 days
    expect(periodFraction("2025-01-10", "2025-02-01", monthly360)).toEqual(rate(21n, 360n));
    // Feb 28 -> Mar 15 is not a whole month: 30 + (15 − 28) = 17 days
    expect(periodFraction("2025-02-28", "2025-03-15", monthly360)).toEqual(rate(17n, 360n));
  });

  it("counts actual days over 360 for weekly and biweekly periods under 30/360", () => {
    const weekly = { dayCount: "30/360", frequency: "weekly" } as const;
    expect(periodFraction("2025-02-24", "2025-03-03", weekly)).toEqual(rate(7n, 360n));
  });

  it("counts actual days over 365 under actual/365", () => {
    expect(periodFraction("2025-01-15", "2025-02-15", monthly365)).toEqual(rate(31n, 365n));
    expect(periodFraction("2025-02-15", "2025-03-15", monthly365)).toEqual(rate(28n, 365n));
    expect(periodFraction("2024-02-15", "2024-03-15", monthly365)).toEqual(rate(29n, 365n));
  });

  it("agrees with the calendar module's day counts for any two dates", () => {
    const dates = fc
      .tuple(fc.integer({ min: 0, max: 365 * 60 }), fc.integer({ min: 0, max: 400 }))
      .map(([from, length]) => [addDays("1990-01-01", from), addDays("1990-01-01", from + length)]);
    fc.assert(
      fc.property(dates, ([start = "", end = ""]) => {
        expect(periodFraction(start, end, monthly365)).toEqual(
          rate(BigInt(daysBetween(start, end)), 365n),
        );
        const fraction = periodFraction(start, end, monthly360);
        const isWhole = fraction.den === 1n || 12n % fraction.den === 0n;
        if (!isWhole) expect(fraction).toEqual(rate(BigInt(days360(start, end)), 360n));
      }),
      { numRuns: 300 },
    );
  });

  it("rejects a period that ends before it starts", () => {
    expect(() => periodFraction("2025-02-15", "2025-01-15", monthly360)).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
  });
});

describe("nominalPeriodicRate", () => {
  const annualRate = parseRate("0.12");

  it("is the annual rate over 12 for monthly periods under either day count", () => {
    expect(nominalPeriodicRate({ annualRate, ...monthly360 })).toEqual(rate(1n, 100n));
    expect(nominalPeriodicRate({ annualRate, ...monthly365 })).toEqual(rate(1n, 100n));
  });

  it("is 14 or 7 days over the day count's year for biweekly and weekly periods", () => {
    const biweekly360 = { annualRate, dayCount: "30/360", frequency: "biweekly" } as const;
    const weekly365 = { annualRate, dayCount: "actual/365", frequency: "weekly" } as const;
    expect(nominalPeriodicRate(biweekly360)).toEqual(rate(12n * 14n, 100n * 360n));
    expect(nominalPeriodicRate(weekly365)).toEqual(rate(12n * 7n, 100n * 365n));
  });
});
