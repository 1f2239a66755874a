// Tone by segment: simple rules a reviewer can check against the file header, first match wins.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LOW_SCORE_BELOW,
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

  it("Should pick the supportive tone for a score below 30 when no stronger rule applies", () => {
    expect(LOW_SCORE_BELOW).toBe(30);
    expect(nudgeSegment("overdue", history({ score: 29 }))).toEqual({
      tone: "reassuring",
      segment: "low-score",
    });
    expect(nudgeSegment("overdue", history({ score: 30 }))).toEqual({
      tone: "friendly",
      segment: "first-time-late",
    });
    expect(nudgeSegment("overdue", history({ timesLate: 1, score: 12 }))).toMatchObject({
      segment: "low-score",
    });
    // Stronger evidence first: broken promises, kept promises, repeated lateness.
    expect(nudgeSegment("overdue", history({ promisesBroken: 1, score: 5 })).segment).toBe(
      "broken-promises",
    );
    expect(nudgeSegment("overdue", history({ promisesKept: 1, score: 5 })).segment).toBe(
      "kept-promises",
    );
    expect(nudgeSegment("overdue", history({ timesLate: 3, score: 5 })).segment).toBe(
      "repeatedly-late",
    );
    // Before the due date and on a plan, the score picks nothing.
    expect(nudgeSegment("pre_due", history({ score: 0 })).segment).toBe("pre-due");
    expect(nudgeSegment("plan_installment", history({ score: 0 })).segment).toBe("on-a-plan");
  });

  it("Should leave the score out when told to (the simulator's pinned demo)", () => {
    expect(nudgeSegment("overdue", history({ score: 5 }), false)).toEqual({
      tone: "friendly",
      segment: "first-time-late",
    });
    const nudge = render({ history: history({ score: 5 }), toneFromScore: false });
    expect(nudge.segment).toBe("first-time-late");
    expect(render({ history: history({ score: 5 }) }).segment).toBe("low-score");
  });

  it("Should never make a score alone pick the direct tone", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUDGE_KINDS),
        fc.integer({ min: 0, max: 100 }),
        fc.nat(1),
        (kind, score, timesLate) => {
          const { tone } = nudgeSegment(kind, history({ score, timesLate }));
          expect(tone).not.toBe("direct");
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
