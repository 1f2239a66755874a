// Slack's retries of an event: answered, never handled twice; a failed first try is handled again.
import { describe, expect, it } from "vitest";
import { eventIdOf, SeenEvents } from "../../bots/slack/event-retries.ts";

describe("SeenEvents", () => {
  it("Should admit an event once, while it is handled and for an hour after it succeeded", () => {
    let now = 0;
    const seen = new SeenEvents(() => now);
    expect(seen.admit("Ev1")).toBe(true);
    expect(seen.admit("Ev1")).toBe(false); // Slack's retry while the first is still in hand
    seen.settle("Ev1", true);
    now = 59 * 60 * 1000;
    expect(seen.admit("Ev1")).toBe(false);
    now = 61 * 60 * 1000;
    expect(seen.admit("Ev1")).toBe(true);
    expect(seen.admit("Ev2")).toBe(true);
  });

  it("Should forget an event whose handling failed, so Slack's retry is handled", () => {
    const seen = new SeenEvents(() => 0);
    expect(seen.admit("Ev1")).toBe(true);
    seen.settle("Ev1", false);
    expect(seen.admit("Ev1")).toBe(true);
  });

  it("Should keep memory bounded, forgetting the oldest ids first", () => {
    const seen = new SeenEvents(() => 0);
    for (let i = 0; i <= 20_000; i++) {
      seen.admit(`Ev${i}`);
      seen.settle(`Ev${i}`, true);
    }
    expect(seen.admit("Ev20000")).toBe(false);
    expect(seen.admit("Ev0")).toBe(true);
  });
});

describe("eventIdOf", () => {
  it("Should read the id of an event callback only", () => {
    expect(eventIdOf({ type: "event_callback", event_id: "Ev9" })).toBe("Ev9");
    expect(eventIdOf({ type: "block_actions", event_id: "Ev9" })).toBeUndefined();
    expect(eventIdOf({ type: "event_callback", event_id: 9 })).toBeUndefined();
    expect(eventIdOf({ type: "event_callback" })).toBeUndefined();
  });
});
