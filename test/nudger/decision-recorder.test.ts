// Live decisions are recorded as the simulator explains them: same record, batched, pruned by retention.
import { describe, expect, it } from "vitest";
import { createDecisionRecorder, decisionRecord } from "../../bots/nudger/decision-recorder.ts";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { pruneDecisions } from "../../bots/nudger/prune-decisions.ts";
import { memoryDecisions } from "../../core/memory/memory-decisions.ts";
import type { NudgeDecisionEvent } from "../../core/policy/decision-event.ts";
import type { DecisionLog, NudgeDecision } from "../../core/ports/decisions.ts";
import {
  borrowerWithLoan,
  clockedMemoryStore,
  nudgerDeps,
  recordingSender,
} from "./nudger-builders.ts";

const TEN_AM_NEW_YORK = "2026-03-03T15:00:00.000Z";

/** The memory log, counting its writes. */
function countingLog(): DecisionLog & { writes: number[] } {
  const log = memoryDecisions();
  const writes: number[] = [];
  return {
    ...log,
    writes,
    async appendMany(decisions) {
      writes.push(decisions.length);
      return log.appendMany(decisions);
    },
  };
}

function event(borrowerId: string, minute: number): NudgeDecisionEvent {
  const at = new Date(Date.parse(TEN_AM_NEW_YORK) + minute * 60_000).toISOString();
  return {
    at,
    local: at,
    borrowerId,
    loanId: "L-1",
    channel: null,
    kind: null,
    decision: "deferred",
    reasons: ["NOT_IN_CADENCE"],
    stage: "plan",
  };
}

describe("decision recorder", () => {
  it("Should record every planner and dispatcher decision as the listener saw it, with profile, tone and segment", async () => {
    const { store, clock } = clockedMemoryStore(TEN_AM_NEW_YORK);
    const reached = await borrowerWithLoan(store, {
      ref: "1",
      firstDueDate: "2026-03-02",
      telegramId: 42,
    });
    const unlinked = await borrowerWithLoan(store, { ref: "2", firstDueDate: "2026-03-02" });
    const events: NudgeDecisionEvent[] = [];
    const deps = nudgerDeps(store, clock, recordingSender(), events);
    const recorder = createDecisionRecorder({ decisions: store.decisions, profile: "default" });
    const both = (e: NudgeDecisionEvent) => {
      deps.planner.onDecision?.(e);
      recorder.onDecision(e);
    };

    await planTick({ ...deps.planner, onDecision: both }, clock.now);
    clock.advance(0.05);
    await dispatchTick({ ...deps.dispatcher, onDecision: both }, clock.now);
    await recorder.flush();

    const since = "2026-03-01T00:00:00.000Z";
    const recorded = await store.decisions.forBorrower(reached.borrowerId, since, 100);
    expect(recorded.map((d) => `${d.stage}:${d.decision}`)).toEqual([
      "plan:planned",
      "dispatch:sent",
    ]);
    expect(recorded).toEqual(
      events
        .filter((e) => e.borrowerId === reached.borrowerId)
        .map((e) => decisionRecord(e, "default")),
    );
    expect(recorded[1]).toMatchObject({
      profile: "default",
      tone: "friendly",
      segment: "first-time-late",
      // One installment, 1 day late: 0 of 1 on time (0), 1-5 days (22), no promises (15).
      score: 37,
      scoreGrade: "poor",
      local: "2026-03-03T10:00:03.000-05:00",
    });
    const suppressed = await store.decisions.forBorrower(unlinked.borrowerId, since, 100);
    expect(suppressed).toMatchObject([
      { decision: "suppressed", reasons: ["CHANNEL_UNREACHABLE"], profile: "default" },
    ]);
  });

  it("Should write a burst of decisions in full batches and the rest on flush, in order", async () => {
    const decisions = countingLog();
    const recorder = createDecisionRecorder({ decisions, profile: "cn", batchSize: 500 });
    for (let i = 0; i < 1_200; i++) recorder.onDecision(event("b1", i % 60));
    await recorder.flush();

    expect(decisions.writes).toEqual([500, 500, 200]);
    const stored = await decisions.forBorrower("b1", TEN_AM_NEW_YORK, 1000);
    expect(stored).toHaveLength(1000);
    expect(stored.every((d) => d.profile === "cn")).toBe(true);
  });

  it("Should write what a listener got without a flush, after a short wait", async () => {
    const decisions = countingLog();
    const recorder = createDecisionRecorder({ decisions, profile: "default", flushAfterMs: 5 });
    const written = new Promise<void>((resolve) => {
      const append = decisions.appendMany;
      decisions.appendMany = async (batch) => {
        await append(batch);
        resolve();
      };
    });
    recorder.onDecision(event("b1", 0));
    recorder.onDecision(event("b1", 1));
    await written;
    expect(decisions.writes).toEqual([2]);
  });

  it("Should report a failed write and keep going: the decision never breaks a send", async () => {
    const failures: number[] = [];
    const decisions = countingLog();
    let fail = true;
    const append = decisions.appendMany;
    decisions.appendMany = async (batch) => {
      if (fail) throw new Error("database unreachable");
      return append(batch);
    };
    const recorder = createDecisionRecorder({
      decisions,
      profile: "default",
      onError: (_error, dropped) => failures.push(dropped),
    });
    recorder.onDecision(event("b1", 0));
    await recorder.flush();
    fail = false;
    recorder.onDecision(event("b1", 1));
    await recorder.flush();

    expect(failures).toEqual([1]);
    expect(await decisions.forBorrower("b1", TEN_AM_NEW_YORK, 10)).toHaveLength(1);
  });
});

describe("decision retention", () => {
  it("Should prune decisions older than the retention period in batches, and keep the rest", async () => {
    const decisions = memoryDecisions();
    const day = (n: number): NudgeDecision => ({
      ...event("b1", 0),
      at: new Date(Date.parse(TEN_AM_NEW_YORK) - n * 86_400_000).toISOString(),
    });
    await decisions.appendMany([...Array.from({ length: 25 }, () => day(100)), day(89), day(1)]);

    const pruned = await pruneDecisions({ decisions, days: 90, batchSize: 10 }, TEN_AM_NEW_YORK);

    expect(pruned).toBe(25);
    const left = await decisions.forBorrower("b1", "2025-01-01T00:00:00.000Z", 100);
    expect(left.map((d) => d.at)).toEqual([day(89).at, day(1).at]);
  });

  it("Should stop after its batches for the tick, leaving the rest for the next", async () => {
    const decisions = memoryDecisions();
    const old = { ...event("b1", 0), at: "2025-01-01T00:00:00.000Z" };
    await decisions.appendMany(Array.from({ length: 30 }, () => old));

    const retention = { decisions, days: 90, batchSize: 10, maxBatches: 2 };
    expect(await pruneDecisions(retention, TEN_AM_NEW_YORK)).toBe(20);
    expect(await pruneDecisions(retention, TEN_AM_NEW_YORK)).toBe(10);
  });
});
