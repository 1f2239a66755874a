// Button actions: what goes out comes back parsed; anything else is refused; all fit Telegram.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actions, MAX_ACTION_BYTES, parseAction } from "../../../core/assistant/actions.ts";
import { INTENT_NAMES } from "../../../core/intents/index.ts";

const UUID = "0194f7a2-3b4c-7d5e-8f60-123456789abc";
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("actions", () => {
  it("reads back every action the assistant hands out", () => {
    for (const intent of INTENT_NAMES) {
      expect(parseAction(actions.intent(intent))).toEqual({ kind: "intent", intent });
    }
    expect(parseAction(actions.pickPlan(UUID))).toEqual({ kind: "plan-pick", planId: UUID });
    expect(parseAction(actions.confirmPlan(UUID))).toEqual({ kind: "plan-confirm", planId: UUID });
    expect(parseAction(actions.cancelPlan)).toEqual({ kind: "plan-cancel" });
    expect(parseAction(actions.promise("2026-04-03"))).toEqual({
      kind: "promise",
      date: "2026-04-03",
    });
    expect(parseAction(actions.promise("2026-04-03", "100.50"))).toEqual({
      kind: "promise",
      date: "2026-04-03",
      amount: "100.50",
    });
  });

  it("fits Telegram's 64-byte callback_data with database (UUID) ids and large amounts", () => {
    for (const action of [
      actions.pickPlan(UUID),
      actions.confirmPlan(UUID),
      actions.promise("2026-04-03", "123456789012345.678"),
    ]) {
      expect(bytes(action)).toBeLessThanOrEqual(MAX_ACTION_BYTES);
    }
  });

  it("refuses what it did not hand out", () => {
    for (const junk of [
      "",
      "plan:pick:",
      "plan:pick:a:b",
      "plan:steal:m1",
      "plan:pick:../../x",
      "promise:2026-02-30",
      "promise:tomorrow",
      "promise:2026-04-03:-5",
      "promise:2026-04-03:1e9",
      "BALANCE",
      `plan:pick:${"x".repeat(60)}`,
    ]) {
      expect(parseAction(junk), junk).toBeUndefined();
    }
  });

  it("never throws, whatever comes back", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        parseAction(raw);
      }),
      { numRuns: 2000 },
    );
  });
});
