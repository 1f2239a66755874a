// The nudges' rate as limiter windows and send slots: a second's worth of borrowers per job, never more than the rate in any second.
import { describe, expect, it } from "vitest";
import {
  defaultConcurrency,
  dispatchPacing,
  SEND_LATE_LIMIT_MS,
  slotsOfJob,
} from "../../bots/queue/dispatch-pacing.ts";

describe("dispatch pacing", () => {
  it("Should give each job a second's worth of slots and a window as long as its slots", () => {
    expect(dispatchPacing(10)).toEqual({
      sendsPerJob: 10,
      slotSpacingMs: 105,
      limiter: { max: 1, duration: 1_050 },
    });
    expect(dispatchPacing(20).sendsPerJob).toBe(20);
    expect(dispatchPacing(0.5)).toMatchObject({ sendsPerJob: 1, limiter: { duration: 2_100 } });
    expect(() => dispatchPacing(0)).toThrow(RangeError);
  });

  it("Should place a job's slots the delay after its start, one spacing apart", () => {
    expect(slotsOfJob(1_000, 3_000, dispatchPacing(4))).toEqual([4_000, 4_262.5, 4_525, 4_787.5]);
  });

  it("Should keep any rate + 1 slots of back-to-back jobs more than a second apart, even with each send late by the limit", () => {
    for (const rate of [1, 3, 7, 10, 20, 30]) {
      const pacing = dispatchPacing(rate);
      // The limiter's tightest case: each job starts the moment the previous window ends.
      const slots = [0, 1, 2, 3].flatMap((job) =>
        slotsOfJob(job * pacing.limiter.duration, 3_000, pacing),
      );
      for (let i = 0; i + rate < slots.length; i++) {
        const first = (slots[i] as number) + SEND_LATE_LIMIT_MS; // the first sent as late as allowed
        const last = slots[i + rate] as number; // the last on time
        expect(last - first, `rate ${rate}, slot ${i}`).toBeGreaterThanOrEqual(1_000);
      }
    }
  });

  it("Should run enough jobs at once for one process to use the whole rate", () => {
    const pacing = dispatchPacing(10);
    // A job lives its 3 s delay and its 1.05 s of slots; one starts every 1.05 s.
    expect(defaultConcurrency(pacing, 3_000)).toBe(8);
    expect(defaultConcurrency(pacing, 0)).toBe(4);
  });
});
