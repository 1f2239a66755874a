// DecisionLog contract: decisions recorded in batches, read back per borrower, pruned oldest first.
import { describe, expect, it } from "vitest";
import type { NudgeDecision } from "../../../core/ports/decisions.ts";
import { uniqueRef } from "../../helpers/builders.ts";
import { minutesAfter } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const START = "2026-03-01T10:00:00.000Z";

function decision(borrowerId: string, minutes: number, overrides: Partial<NudgeDecision> = {}) {
  return {
    at: minutesAfter(START, minutes),
    local: "2026-03-01T05:00:00.000-05:00",
    borrowerId,
    loanId: "loan-1",
    channel: "telegram",
    kind: "overdue",
    decision: "deferred",
    reasons: ["QUIET_HOURS"],
    stage: "plan",
    ...overrides,
  } satisfies NudgeDecision;
}

export function decisionsContract(store: StoreOf): void {
  describe("decisions", () => {
    it("Should give back every field of a sent, a deferred and a suppressed decision, oldest first", async () => {
      const borrowerId = uniqueRef("b");
      const sent = decision(borrowerId, 2, {
        decision: "sent",
        reasons: [],
        stage: "dispatch",
        text: 'You owe 120.00 — reply "STOP" to opt out',
        wording: "template",
        rejectedBecause: "FIGURE_CHANGED",
        nudgeId: "n-1",
        escalateToAgent: true,
        tone: "direct",
        segment: "repeatedly-late",
        profile: "us-reg-f",
        score: 23,
        scoreGrade: "poor",
      });
      const deferred = decision(borrowerId, 0, { until: "2026-03-01T14:00:00.000Z" });
      const suppressed = decision(borrowerId, 1, {
        decision: "suppressed",
        channel: null,
        kind: null,
        loanId: "",
        reasons: ["OPTED_OUT", "PAUSED_PROMISE"],
      });
      await store().decisions.appendMany([sent, deferred]);
      await store().decisions.appendMany([suppressed]);
      await store().decisions.appendMany([decision(uniqueRef("b"), 1)]);

      expect(await store().decisions.forBorrower(borrowerId, START, 10)).toEqual([
        deferred,
        suppressed,
        sent,
      ]);
    });

    it("Should keep the recorded order of same-instant decisions and return the newest up to the limit", async () => {
      const borrowerId = uniqueRef("b");
      const batch = ["first", "second", "third"].map((nudgeId) =>
        decision(borrowerId, 5, { nudgeId }),
      );
      await store().decisions.appendMany([decision(borrowerId, 1, { nudgeId: "older" })]);
      await store().decisions.appendMany(batch);

      const newest = await store().decisions.forBorrower(borrowerId, START, 2);
      expect(newest.map((d) => d.nudgeId)).toEqual(["second", "third"]);
      const since = await store().decisions.forBorrower(borrowerId, minutesAfter(START, 2), 10);
      expect(since.map((d) => d.nudgeId)).toEqual(["first", "second", "third"]);
    });

    it("Should prune only decisions older than the cutoff, oldest first, at most a batch at a time", async () => {
      const borrowerId = uniqueRef("b");
      await store().decisions.appendMany(
        [0, 1, 2, 3, 10].map((minutes) =>
          decision(borrowerId, minutes, { nudgeId: `m${minutes}` }),
        ),
      );
      const cutoff = minutesAfter(START, 5);

      expect(await store().decisions.pruneBefore(cutoff, 3)).toBe(3);
      expect(
        (await store().decisions.forBorrower(borrowerId, START, 10)).map((d) => d.nudgeId),
      ).toEqual(["m3", "m10"]);
      expect(await store().decisions.pruneBefore(cutoff, 3)).toBe(1);
      expect(await store().decisions.pruneBefore(cutoff, 3)).toBe(0);
      expect(
        (await store().decisions.forBorrower(borrowerId, START, 10)).map((d) => d.nudgeId),
      ).toEqual(["m10"]);
    });

    it("Should store none of a batch with a bad instant in it", async () => {
      const borrowerId = uniqueRef("b");
      await expect(
        store().decisions.appendMany([
          decision(borrowerId, 0),
          decision(borrowerId, 1, { at: "yesterday" }),
        ]),
      ).rejects.toMatchObject({ code: "INVALID_INSTANT" });
      expect(await store().decisions.forBorrower(borrowerId, START, 10)).toEqual([]);
    });
  });
}
