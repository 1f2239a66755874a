// The daily digest's schedule: the next local hour (across DST), re-arming, no double posts, errors logged, stop.
import { describe, expect, it } from "vitest";
import { nextDigestAt, startDigestSchedule } from "../../bots/slack/digest-schedule.ts";

const HOUR = 3_600_000;

/** A schedule on a hand-driven clock and timer; `fire()` runs the pending timer at its due time. */
function scheduled(
  start: string,
  options: { timeZone?: string; hour?: number; fail?: boolean } = {},
) {
  let clock = new Date(start);
  const posted: { at: string; timeZone?: string }[] = [];
  const timers: { run: () => void; delayMs: number; cancelled: boolean }[] = [];
  const log: string[] = [];
  const stop = startDigestSchedule({
    slack: {
      async postDigest(digest) {
        posted.push({ at: clock.toISOString(), ...digest });
        if (options.fail) throw new Error("slack is down");
      },
    },
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.hour !== undefined ? { hour: options.hour } : {}),
    now: () => clock,
    setTimer: (run, delayMs) => {
      const timer = { run, delayMs, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    log: (line) => log.push(line),
  });
  const pending = () => timers.filter((t) => !t.cancelled).at(-1);
  return {
    posted,
    timers,
    log,
    stop,
    pending,
    /** Moves the clock by the pending delay (plus `skewMs`) and runs the timer. */
    async fire(skewMs = 0) {
      const timer = pending();
      if (!timer) throw new Error("no timer armed");
      timer.cancelled = true;
      const armed = timers.length;
      clock = new Date(clock.getTime() + timer.delayMs + skewMs);
      timer.run();
      await expect.poll(() => timers.length).toBeGreaterThan(armed);
    },
  };
}

describe("nextDigestAt", () => {
  it("Should pick today's hour when it is still ahead, else tomorrow's", () => {
    expect(nextDigestAt(new Date("2026-04-01T08:30:00Z"), "UTC", 9).toISOString()).toBe(
      "2026-04-01T09:00:00.000Z",
    );
    expect(nextDigestAt(new Date("2026-04-01T09:00:00Z"), "UTC", 9).toISOString()).toBe(
      "2026-04-02T09:00:00.000Z",
    );
  });

  it("Should read the hour in the zone, on both sides of a daylight-saving change", () => {
    // London moves to BST on 2026-03-29: 09:00 local is 09:00Z before and 08:00Z after.
    expect(nextDigestAt(new Date("2026-03-28T10:00:00Z"), "Europe/London", 9).toISOString()).toBe(
      "2026-03-29T08:00:00.000Z",
    );
    expect(
      nextDigestAt(new Date("2026-04-01T14:00:00Z"), "America/New_York", 9).toISOString(),
    ).toBe("2026-04-02T13:00:00.000Z");
  });
});

describe("startDigestSchedule", () => {
  it("Should default to 09:00 UTC and post with that zone", async () => {
    const s = scheduled("2026-04-01T08:30:00Z");
    expect(s.pending()?.delayMs).toBe(HOUR / 2);
    await s.fire();
    expect(s.posted).toEqual([{ at: "2026-04-01T09:00:00.000Z", timeZone: "UTC" }]);
    expect(s.pending()?.delayMs).toBe(24 * HOUR);
    await s.stop();
  });

  it("Should post once a day through a daylight-saving change (a 23-hour day)", async () => {
    const s = scheduled("2026-03-27T12:00:00Z", { timeZone: "Europe/London" });
    await s.fire();
    await s.fire();
    expect(s.posted.map((p) => p.at)).toEqual([
      "2026-03-28T09:00:00.000Z",
      "2026-03-29T08:00:00.000Z",
    ]);
    expect(s.pending()?.delayMs).toBe(24 * HOUR);
    await s.stop();
  });

  it("Should not post the same day twice when the timer fires a little early", async () => {
    const s = scheduled("2026-04-01T08:00:00Z");
    await s.fire(-500);
    expect(s.posted).toHaveLength(1);
    // Armed for tomorrow's 09:00, not for today's half a second away.
    expect(s.pending()?.delayMs).toBe(24 * HOUR + 500);
    await s.stop();
  });

  it("Should log a failed post and keep the schedule", async () => {
    const s = scheduled("2026-04-01T08:00:00Z", { fail: true });
    await s.fire();
    expect(s.log).toEqual(["slack: daily digest failed: slack is down"]);
    expect(s.pending()?.delayMs).toBe(24 * HOUR);
    await s.stop();
  });

  it("Should cancel the pending timer on stop and arm no other", async () => {
    const s = scheduled("2026-04-01T08:00:00Z", { hour: 18 });
    expect(s.pending()?.delayMs).toBe(10 * HOUR);
    await s.stop();
    expect(s.pending()).toBeUndefined();
    expect(s.timers).toHaveLength(1);
  });

  it("Should refuse an unknown zone or an hour outside 0-23", () => {
    const slack = { postDigest: async () => {} };
    expect(() => startDigestSchedule({ slack, timeZone: "Mars/Olympus" })).toThrow(/time zone/);
    expect(() => startDigestSchedule({ slack, hour: 24 })).toThrow(/hour/);
  });
});
