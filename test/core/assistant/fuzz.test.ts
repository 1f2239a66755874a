// Any text or tap at all gets an answer: non-empty text and at least one way forward, never a throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../core/assistant/index.ts";
import { MAX_ACTION_BYTES } from "../../../core/assistant/index.ts";
import { givenLateBorrower, world } from "./builders.ts";

const PHRASES = [
  "how much do I owe",
  "when is my next payment",
  "payoff",
  "I can't pay this month",
  "I can pay 80 a month",
  "I'll pay on Friday",
  "I'll pay 100 tomorrow",
  "I already paid",
  "stop",
  "start",
  "I dispute this",
  "talk to a human",
  "help",
  "hi",
  "我欠多少钱",
  "我周五还",
  "退订",
  "转人工",
];

const ADVERSARIAL = [
  "",
  " ",
  "\n\t\r",
  "\u0000\u0001\u001f",
  "'; DROP TABLE loans; --",
  "1' OR '1'='1",
  "<script>alert(1)</script>",
  "<b>STOP</b><i>balance</i>",
  "[link](javascript:alert(1))",
  "كم أدين؟ أريد خطة سداد",
  "\u202Epay 100\u202C",
  "שלום, מה היתרה שלי",
  ["{name}{amount}{date}", "$", "{amount}%s%d"].join(""),
  "🙂💸🔥👨‍👩‍👧‍👦🏳️‍🌈",
  "I'll pay 99999999999999999999999999 on Friday",
  "I'll pay 1e309 tomorrow",
  "I'll pay -5 tomorrow",
  "I'll pay 0.0001 on friday",
  "I'll pay on 2026-02-30",
  "I'll pay on 9999-12-31",
  "I can only pay 0 a month",
  "I can only pay 0.001 a month",
  "我可以每月还一亿亿亿",
  "\uD800\uDFFF\uDBFF",
  "a".repeat(10_240),
  "我".repeat(10_240),
  "stop ".repeat(2_048),
  "🙂".repeat(5_000),
];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(...PHRASES),
        fc.string({ maxLength: 12 }),
      )
      .map((parts) => parts.join(" ")),
  },
  { weight: 2, arbitrary: fc.constantFrom(...ADVERSARIAL) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 10_240 }),
      )
      .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, 10_240)),
  },
);

function expectAnswered(reply: Reply) {
  expect(reply.text.trim().length).toBeGreaterThan(0);
  expect(reply.choices.length).toBeGreaterThan(0);
  for (const choice of reply.choices) {
    expect(choice.label.trim().length).toBeGreaterThan(0);
    expect(Buffer.byteLength(choice.action, "utf8")).toBeLessThanOrEqual(MAX_ACTION_BYTES);
  }
}

describe("fuzzing the assistant", () => {
  it("answers 10,000 random and adversarial texts", async () => {
    const w = world();
    const { borrower: en } = await givenLateBorrower(w.store);
    const { borrower: zh } = await givenLateBorrower(
      w.store,
      { locale: "zh-CN", timeZone: "Asia/Shanghai" },
      "CNY",
    );
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.boolean(),
        fc.integer({ min: 0, max: 400 * 86_400 }),
        async (message, chinese, offset) => {
          const at = new Date(Date.parse("2026-01-10T00:00:00Z") + offset * 1000).toISOString();
          const reply = await w.assistant.respond({
            borrowerId: chinese ? zh.id : en.id,
            channel: "telegram",
            at,
            text: message,
          });
          expectAnswered(reply);
        },
      ),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it("answers 2,000 random, stale and forged taps", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const action = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        "balance",
        "next_payment",
        "payoff_quote",
        "plan_request",
        "promise_to_pay",
        "human_agent",
        "help",
        "opt_out",
        "opt_in",
        "unknown",
        "plan:cancel",
      ),
      fc.string({ maxLength: 50 }).map((id) => `plan:pick:${id}`),
      fc.string({ maxLength: 50 }).map((id) => `plan:confirm:${id}`),
      fc.integer({ min: 1, max: 400 }).map((n) => `plan:confirm:m${String(n).padStart(12, "0")}`),
      fc
        .date({ min: new Date("2025-01-01"), max: new Date("2028-01-01"), noInvalidDate: true })
        .map((d) => `promise:${d.toISOString().slice(0, 10)}`),
    );
    await fc.assert(
      fc.asyncProperty(action, async (tapped) => {
        const reply = await w.assistant.respond({
          borrowerId: borrower.id,
          channel: "telegram",
          at: "2026-04-01T14:00:00Z",
          action: tapped,
        });
        expectAnswered(reply);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);
});
