// Which intent wins, in which language, and how the answer explains itself.
import { describe, expect, it } from "vitest";
import { isDomainError } from "../../../core/errors/domain-error.ts";
import { understand } from "../../../core/intents/index.ts";
import { contextFor, FIXED_NOW, intentOf } from "./builders.ts";

describe("precedence", () => {
  it.each([
    ["I can't pay, stop", "opt_out"],
    ["this isn't my loan, stop texting me", "opt_out"],
    ["I already paid, the amount is wrong", "dispute"],
    ["this isn't my loan, let me talk to a person", "dispute"],
    ["the amount is wrong, I want an agent", "dispute"],
    ["I want a person, I can't pay this month", "human_agent"],
    ["can't pay now but I'll pay Friday", "promise_to_pay"],
    ["I already paid, how much do I owe now?", "already_paid"],
    ["hi, how much do I owe", "balance"],
    ["help, I can't pay", "plan_request"],
    ["can I pay $100 a month", "plan_request"],
    ["I will pay in installments", "plan_request"],
    ["how much is my next payment", "next_payment"],
    ["can I pay it off in installments", "plan_request"],
    ["don't call me", "opt_out"],
    ["call me", "human_agent"],
    ["我还不上，别再发了", "opt_out"],
    ["不是我的贷款，转人工", "dispute"],
    ["这个月还不上，下个月5号还", "promise_to_pay"],
    ["已经还了，金额不对", "dispute"],
  ])("Should read %j as %s", (text, intent) => {
    const locale = /\p{Script=Han}/u.test(text) ? "zh-CN" : "en";
    expect(intentOf(text, locale)).toBe(intent);
  });

  it("Should be less sure of a greeting that only opens a longer message than of a greeting alone", () => {
    const alone = understand("hey there!", contextFor("en"));
    const opening = understand("yo what is the damage on my loan", contextFor("en"));
    expect(alone).toMatchObject({
      intent: "greeting",
      rule: "en.greeting.hello",
      confidence: 0.85,
    });
    expect(opening).toMatchObject({ intent: "greeting", rule: "en.greeting.hello-then-more" });
    expect(opening.confidence).toBeLessThan(alone.confidence);
  });

  it.each([
    ["don't stop sending me reminders", "en"],
    ["Stop the late fees", "en"],
    ["when will the fees stop?", "en"],
    ["不要停止提醒", "zh-CN"],
  ] as const)("Should not read %j as an opt-out", (text, locale) => {
    expect(intentOf(text, locale)).not.toBe("opt_out");
  });

  it.each([
    ["I will not pay on Friday", "en"],
    ["I can't pay on Friday", "en"],
    ["周五还不上", "zh-CN"],
    ["明天还不了", "zh-CN"],
  ] as const)("Should not read a refusal %j as a promise", (text, locale) => {
    expect(intentOf(text, locale)).not.toBe("promise_to_pay");
  });

  it("Should take a bare date as a weak promise", () => {
    const result = understand("Friday", contextFor("en"));
    expect(result).toMatchObject({ intent: "promise_to_pay", entities: { date: "2026-03-06" } });
    expect(result.confidence).toBeLessThan(0.6);
  });
});

describe("explanations", () => {
  it("Should name the rule and give a confidence for a match", () => {
    const result = understand("STOP", contextFor("en"));
    expect(result).toMatchObject({ intent: "opt_out", rule: "en.opt_out.stop-alone" });
    expect(result.confidence).toBeGreaterThan(0.9);
  });

  it("Should lower the confidence when another intent also matched", () => {
    const alone = understand("stop", contextFor("en")).confidence;
    const mixed = understand("I can't pay, stop", contextFor("en")).confidence;
    expect(mixed).toBeLessThan(alone);
  });

  it("Should answer unknown with no rule and zero confidence", () => {
    expect(understand("asdfgh", contextFor("en"))).toEqual({
      intent: "unknown",
      confidence: 0,
      language: "en",
      entities: {},
    });
  });
});

describe("language", () => {
  it.each([
    ["hello", "zh-CN", "en"],
    ["你好", "en", "zh-CN"],
    ["STOP 退订", "en", "zh-CN"],
    ["還款", "en", "zh-CN"],
    ["?", "zh-CN", "zh-CN"],
    ["5", "en", "en"],
    ["👍", "zh-CN", "zh-CN"],
    ["مرحبا", "zh-CN", "zh-CN"],
  ] as const)("Should read %j (locale %s) as %s", (text, locale, language) => {
    expect(understand(text, contextFor(locale)).language).toBe(language);
  });

  it("Should read Traditional characters and full-width letters", () => {
    expect(intentOf("我還欠多少錢", "zh-CN")).toBe("balance");
    expect(intentOf("ＳＴＯＰ", "en")).toBe("opt_out");
  });
});

describe("context", () => {
  it.each([
    ["timeZone", { locale: "en", timeZone: "Mars/Olympus", now: FIXED_NOW }],
    ["now", { locale: "en", timeZone: "UTC", now: "yesterday" }],
    ["now", { locale: "en", timeZone: "UTC", now: "2026-03-04T10:00:00" }],
    ["locale", { locale: "fr", timeZone: "UTC", now: FIXED_NOW }],
  ] as const)("Should reject a bad %s with INVALID_INTENT_CONTEXT", (field, context) => {
    let caught: unknown;
    try {
      // @ts-expect-error -- "fr" is not a Language; the check must hold at runtime too.
      understand("hi", context);
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: "INVALID_INTENT_CONTEXT", details: { field } });
  });
});
