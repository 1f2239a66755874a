// The integer calendar arithmetic under the date helpers agrees with the platform's UTC Date.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  isLeapYear,
} from "../../../core/dates/iso-date.ts";

const DAY_MS = 86_400_000;
/** 1600-01-01 .. 2599-12-31 in days since 1970-01-01: every Gregorian rule (100, 400) inside. */
const dayNumbers = fc.integer({ min: -135_140, max: 229_923 });
const viaDate = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

describe("calendar arithmetic without Date", () => {
  it("Should step any number of days to the same date as UTC Date arithmetic", () => {
    fc.assert(
      fc.property(dayNumbers, fc.integer({ min: -4000, max: 4000 }), (start, step) => {
        const from = viaDate(start);
        expect(addDays(from, step)).toBe(viaDate(start + step));
        expect(daysBetween(from, viaDate(start + step))).toBe(step);
      }),
    );
  });

  it("Should write a day number's date as Date does, in and outside the shared table", () => {
    fc.assert(
      fc.property(dayNumbers, (days) => {
        expect(dateOfDayNumber(days)).toBe(viaDate(days));
        expect(dateOfDayNumber(days)).toBe(viaDate(days)); // again: now from the table
        expect(dayNumber(viaDate(days))).toBe(days);
      }),
    );
    const edges = [-1, 0, 511, 512, 256 * 512 - 1, 256 * 512];
    expect(edges.map(dateOfDayNumber)).toEqual(edges.map(viaDate));
  });

  it("Should number a date's days since 1970-01-01 as Date.UTC does", () => {
    fc.assert(
      fc.property(dayNumbers, (days) => {
        const date = new Date(days * DAY_MS);
        const civil = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()] as const;
        expect(daysFromCivil(...civil)).toBe(days);
      }),
    );
  });

  it("Should give February 29 days in 2000 and 2024 but 28 in 1900 and 2100", () => {
    expect([2000, 2024, 1900, 2100].map((year) => daysInMonth(year, 2))).toEqual([29, 29, 28, 28]);
    expect(isLeapYear(2100)).toBe(false);
    for (let month = 1; month <= 12; month++) {
      expect(daysInMonth(2023, month)).toBe(new Date(Date.UTC(2023, month, 0)).getUTCDate());
    }
  });
});
