// Tone by segment: simple rules a reviewer can check against the file header, first match wins.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NUDGE_KINDS,
  type NudgeHistory,
  type NudgeKind,
  nudgeSegment,
} from "../../../core/nudges/index.ts";
import { render } from "./builders.ts";

const history = (overrides: Partial<NudgeHistory> = {}): NudgeHistory => ({
  timesLate: 0,
  promisesKept: 0,
  promisesBroken: 0,
  ...overrides,
});

const LATE_KINDS: NudgeKind[] = ["overdue", "follow_up", "plan_offer", "broken_promise"];

describe("nudgeSegment", () => {
  const cases: [string, NudgeKind, Partial<NudgeHistory>, string, string][] = [
    ["before the due date", "pre_due", { timesLate: 5, promisesBroken: 3 }, "friendly", "pre-due"],
    ["on the due date", "due_today", { timesLate: 5, promisesBroken: 3 }, "friendly", "due-today"],
    [
      "on a plan",
      "plan_installment",
      { timesLate: 5, promisesBroken: 3 },
      "reassuring",
      "on-a-plan",
    ],
    ["first time late", "overdue", {}, "friendly", "first-time-late"],
    ["late once before", "overdue", { timesLate: 1 }, "friendly", "late-before"],
    ["repeatedly late", "follow_up", { timesLate: 2 }, "direct", "repeatedly-late"],
    [
      "more promises broken than kept",
      "broken_promise",
      { promisesBroken: 1 },
      "direct",
      "broken-promises",
    ],
    ["promises kept", "overdue", { timesLate: 3, promisesKept: 1 }, "reassuring", "kept-promises"],
    [
      "as many kept as broken",
      "broken_promise",
      { promisesKept: 1, promisesBroken: 1 },
      "reassuring",
      "kept-promises",
    ],
    [
      "a long good history",
      "overdue",
      { timesLate: 1, onTimeInstallments: 6 },
      "reassuring",
      "good-history",
    ],
    [
      "a short good history",
      "overdue",
      { timesLate: 1, onTimeInstallments: 5 },
      "friendly",
      "late-before",
    ],
    [
      "first time late after a long good history",
      "plan_offer",
      { onTimeInstallments: 24 },
      "friendly",
      "first-time-late",
    ],
  ];
  for (const [situation, kind, overrides, tone, segment] of cases) {
    it(`Should be ${tone} (${segment}) ${situation}`, () => {
      expect(nudgeSegment(kind, history(overrides))).toEqual({ tone, segment });
    });
  }

  it("Should never be direct before a payment is late, on a plan, or with a borrower never late", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUDGE_KINDS),
        fc.record({ timesLate: fc.nat(20), promisesKept: fc.nat(5), promisesBroken: fc.nat(5) }),
        (kind, past) => {
          const { tone } = nudgeSegment(kind, past);
          if (!LATE_KINDS.includes(kind)) expect(tone).not.toBe("direct");
          if (past.timesLate === 0 && past.promisesBroken === 0) expect(tone).not.toBe("direct");
        },
      ),
    );
  });

  it("Should record the tone and segment on the rendered nudge", () => {
    const nudge = render({ history: history({ timesLate: 4 }) });
    expect(nudge).toMatchObject({ tone: "direct", segment: "repeatedly-late" });
    expect(nudge.template).toBe("en/overdue/direct");
  });
});
