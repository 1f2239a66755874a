// Plans keep the loan's day of month: a loan due on the 31st stays on the 31st (clamped), never drifts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfMonth, daysInMonth } from "../../../core/dates/iso-date.ts";
import { planOptions } from "../../../core/plans/plan-options.ts";
import { firstDueDateOf } from "../../../core/schedule/due-dates.ts";
import { loanArbitrary, loanOf, paymentsArbitrary } from "../../helpers/loans.ts";

/** The day a monthly due date should fall on: the anchor, or the month's last day when shorter. */
function clamped(date: string, anchor: number): number {
  return Math.min(anchor, daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7))));
}

describe("plan due dates on a loan first due on Jan 31", () => {
  const loan = loanOf({ disbursedOn: "2023-12-31", firstDueDate: "2024-01-31", termCount: 6 });
  const plans = planOptions(loan, [], "2024-02-10");
  const dates = (kind: string) =>
    plans.options.find((o) => o.kind === kind)!.schedule.map((i) => i.dueDate);

  it("extends on Feb 29, Mar 31, Apr 30, May 31, not the 29th of every month", () => {
    expect(dates("extended").slice(0, 4)).toEqual([
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
      "2024-05-31",
    ]);
  });

  it("re-amortizes a hardship plan's tail from Apr 30 on to May 31, not May 30", () => {
    const early = planOptions(loan, [], "2024-01-20").options.find((o) => o.kind === "hardship")!;
    const tail = early.schedule.slice(3, 6).map((i) => i.dueDate);
    expect(tail).toEqual(["2024-04-30", "2024-05-31", "2024-06-30"]);
  });
});

describe("plan due date property", () => {
  it("every monthly plan installment falls on the loan's day of month, clamped to the month", () => {
    const scenario = loanArbitrary
      .filter((l) => l.terms.frequency === "monthly")
      .chain((l) =>
        fc.record({
          loan: fc.constant(l),
          payments: paymentsArbitrary(l),
          day: fc.integer({ min: 0, max: 900 }),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ loan, payments, day }) => {
        const anchor = dayOfMonth(firstDueDateOf(loan.terms));
        const when = addDays(loan.terms.disbursedOn, day);
        for (const option of planOptions(loan, payments, when).options) {
          for (const { dueDate } of option.schedule) {
            expect(dayOfMonth(dueDate)).toBe(clamped(dueDate, anchor));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
