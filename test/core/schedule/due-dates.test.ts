// Due dates: one per installment, monthly ones anchored on the first due date's day of month.
import { describe, expect, it } from "vitest";
import { dueDates } from "../../../core/schedule/index.ts";
import { loanTerms } from "./builders.ts";

describe("dueDates", () => {
  it("defaults the first due date to one month after disbursement", () => {
    expect(dueDates(loanTerms({ disbursedOn: "2025-01-15", termCount: 3 }))).toEqual([
      "2025-02-15",
      "2025-03-15",
      "2025-04-15",
    ]);
  });

  it("keeps an end-of-month anchor: Jan 31 -> Feb 28 -> Mar 31 -> Apr 30", () => {
    const terms = loanTerms({
      disbursedOn: "2025-01-02",
      firstDueDate: "2025-01-31",
      termCount: 4,
    });
    expect(dueDates(terms)).toEqual(["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"]);
  });

  it("falls on Feb 29 in a leap year", () => {
    const terms = loanTerms({
      disbursedOn: "2024-01-02",
      firstDueDate: "2024-01-30",
      termCount: 3,
    });
    expect(dueDates(terms)).toEqual(["2024-01-30", "2024-02-29", "2024-03-30"]);
  });

  it("anchors on the first due date's day, so a default Feb 28 first due date keeps the 28th", () => {
    const terms = loanTerms({ disbursedOn: "2025-01-31", termCount: 3 });
    expect(dueDates(terms)).toEqual(["2025-02-28", "2025-03-28", "2025-04-28"]);
  });

  it("steps biweekly by 14 days and weekly by 7 days from the first due date", () => {
    const base = { disbursedOn: "2025-12-20", termCount: 3 } as const;
    expect(dueDates(loanTerms({ ...base, frequency: "biweekly" }))).toEqual([
      "2026-01-03",
      "2026-01-17",
      "2026-01-31",
    ]);
    expect(
      dueDates(loanTerms({ ...base, frequency: "weekly", firstDueDate: "2025-12-30" })),
    ).toEqual(["2025-12-30", "2026-01-06", "2026-01-13"]);
  });
});

describe("dueDates keep the first due date's day of month, clamped (Fineract)", () => {
  const monthly = (firstDueDate: string) =>
    dueDates(loanTerms({ disbursedOn: "2023-12-20", firstDueDate, termCount: 5 }));

  it("first due Jan 31, 2024: Feb 29, Mar 31, Apr 30, May 31", () => {
    expect(monthly("2024-01-31")).toEqual([
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
      "2024-05-31",
    ]);
  });

  it("first due Jan 30, 2024: Feb 29, Mar 30, Apr 30, May 30", () => {
    expect(monthly("2024-01-30")).toEqual([
      "2024-01-30",
      "2024-02-29",
      "2024-03-30",
      "2024-04-30",
      "2024-05-30",
    ]);
  });

  it("first due Jan 29, 2025 (no Feb 29): Feb 28, then back to the 29th", () => {
    const dates = dueDates(
      loanTerms({ disbursedOn: "2024-12-20", firstDueDate: "2025-01-29", termCount: 3 }),
    );
    expect(dates).toEqual(["2025-01-29", "2025-02-28", "2025-03-29"]);
  });

  it("weekly and biweekly steps ignore month ends", () => {
    const base = { disbursedOn: "2024-01-20", firstDueDate: "2024-01-31", termCount: 3 } as const;
    expect(dueDates(loanTerms({ ...base, frequency: "weekly" }))).toEqual([
      "2024-01-31",
      "2024-02-07",
      "2024-02-14",
    ]);
    expect(dueDates(loanTerms({ ...base, frequency: "biweekly" }))).toEqual([
      "2024-01-31",
      "2024-02-14",
      "2024-02-28",
    ]);
  });
});
