// Calendar date arithmetic: checked against luxon, the reference, over random dates.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  days360,
  daysBetween,
  isIsoDate,
  weekday,
} from "../../../core/dates/iso-date.ts";

const dates = fc
  .integer({ min: 0, max: 60_000 })
  .map((n) =>
    DateTime.fromObject({ year: 1990, month: 1, day: 1 }, { zone: "utc" }).plus({ days: n }),
  );

describe("ISO dates", () => {
  it("accept only real calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("2025-1-01")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });

  it("add days, count days and name weekdays as luxon does", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -1000, max: 1000 }), (start, n) => {
        const iso = start.toISODate() as string;
        expect(addDays(iso, n)).toBe(start.plus({ days: n }).toISODate());
        expect(daysBetween(iso, addDays(iso, n))).toBe(n);
        expect(weekday(iso)).toBe(start.weekday);
      }),
    );
  });

  it("add months clamping to the month's end and keeping the anchor day", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-02-28", 1, 31)).toBe("2025-03-31");
    expect(addMonths("2025-11-15", 3)).toBe("2026-02-15");
    expect(addMonths("2026-02-15", -3)).toBe("2025-11-15");
    fc.assert(
      fc.property(dates, fc.integer({ min: -240, max: 240 }), (start, n) => {
        expect(addMonths(start.toISODate() as string, n)).toBe(
          start.plus({ months: n }).toISODate(),
        );
      }),
    );
  });

  it("count 30E/360 days", () => {
    expect(days360("2025-01-31", "2025-02-28")).toBe(28);
    expect(days360("2025-01-15", "2025-02-15")).toBe(30);
    expect(days360("2025-01-15", "2026-01-15")).toBe(360);
  });
});
