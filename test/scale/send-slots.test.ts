// A process's send slots: one per rate-limited job start, each used once, none used late.
import { describe, expect, it } from "vitest";
import { SEND_LATE_LIMIT_MS } from "../../bots/queue/dispatch-pacing.ts";
import { sendSlots } from "../../bots/queue/send-slots.ts";

function clockAt(start: number) {
  const clock = { now: start, read: () => clock.now };
  return clock;
}

describe("send slots", () => {
  it("Should hand out the earliest free slot first, each once", async () => {
    const clock = clockAt(1_000);
    const slots = sendSlots(clock.read);
    slots.add(1_300);
    slots.add(1_100);
    slots.add(1_200);
    expect(await slots.take(0)).toBe(1_100);
    expect(await slots.take(0)).toBe(1_200);
    expect(await slots.take(0)).toBe(1_300);
    expect(slots.free()).toBe(0);
  });

  it("Should drop a slot nobody took by its time (plus the tolerance): sending later could bunch sends", async () => {
    const clock = clockAt(1_000);
    const slots = sendSlots(clock.read);
    slots.add(1_100);
    slots.add(1_500);
    clock.now = 1_100 + SEND_LATE_LIMIT_MS; // just in time for the first
    expect(slots.free()).toBe(2);
    clock.now = 1_101 + SEND_LATE_LIMIT_MS;
    expect(slots.free()).toBe(1);
    expect(await slots.take(0)).toBe(1_500);
  });

  it("Should give a message waiting for a slot the next one added, or nothing when none comes", async () => {
    const slots = sendSlots();
    const waiting = slots.take(5_000);
    const at = Date.now() + 3_000;
    slots.add(at);
    expect(await waiting).toBe(at);
    expect(slots.free()).toBe(0);
    expect(await slots.take(10)).toBeUndefined();
  });

  it("Should start marks early by recent mark times, within a second", () => {
    const slots = sendSlots();
    const first = slots.markLeadMs();
    for (let i = 0; i < 20; i++) slots.noteMark(200);
    expect(slots.markLeadMs()).toBeGreaterThan(first);
    expect(slots.markLeadMs()).toBeGreaterThanOrEqual(400);
    for (let i = 0; i < 50; i++) slots.noteMark(10_000);
    expect(slots.markLeadMs()).toBe(1_000);
  });
});
