// The schedule's one-pass calendar gives the same due dates and year fractions as the
// date-by-date functions (dueDates, periodFraction) it replaces in generateSchedule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rate } from "../../../core/money/rate.ts";
import { dueDates, periodFraction } from "../../../core/schedule/index.ts";
import { periodCalendar } from "../../../core/schedule/period-calendar.ts";
import { arbitraryTerms, loanTerms } from "./builders.ts";

describe("periodCalendar", () => {
  it("agrees with dueDates and periodFraction for any terms", () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        const calendar = periodCalendar(terms);
        const dates = dueDates(terms);
        expect(calendar.dueDates).toEqual(dates);
        const fractions = calendar.units.map((units) =>
          rate(BigInt(units), BigInt(calendar.unitsPerYear)),
        );
        expect(fractions).toEqual(
          dates.map((date, i) =>
            periodFraction(i === 0 ? terms.disbursedOn : (dates[i - 1] as string), date, terms),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a month-end anchor and counts whole months as 30 units under 30/360", () => {
    const calendar = periodCalendar(
      loanTerms({ disbursedOn: "2024-12-31", firstDueDate: "2025-01-31", termCount: 4 }),
    );
    expect(calendar.dueDates).toEqual(["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"]);
    expect(calendar.units).toEqual([30, 30, 30, 30]);
    expect(calendar.unitsPerYear).toBe(360);
  });

  it("counts actual days from disbursement, then the step, for weekly loans", () => {
    const calendar = periodCalendar(
      loanTerms({
        frequency: "weekly",
        dayCount: "actual/365",
        disbursedOn: "2025-02-20",
        firstDueDate: "2025-03-03",
        termCount: 3,
      }),
    );
    expect(calendar.dueDates).toEqual(["2025-03-03", "2025-03-10", "2025-03-17"]);
    expect(calendar.units).toEqual([11, 7, 7]);
    expect(calendar.unitsPerYear).toBe(365);
  });
});
