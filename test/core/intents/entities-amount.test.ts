// Amounts are read as written, without grouping or currency, and never confused with dates or counts.
import { describe, expect, it } from "vitest";
import { amountIn } from "./builders.ts";

describe("amounts", () => {
  it.each([
    ["I can pay $150 tomorrow", "en", "150"],
    ["I'll send 150.00 on Friday", "en", "150.00"],
    ["I'll transfer 1,200.50 next week", "en", "1200.50"],
    ["paid $1,000 yesterday", "en", "1000"],
    ["I can pay 300 dollars", "en", "300"],
    ["I can pay USD 45.5", "en", "45.5"],
    ["can I pay 2k now", "en", "2000"],
    ["can I pay 1.5k now", "en", "1500"],
    ["I only have 80", "en", "80"],
    ["明天还300元", "zh-CN", "300"],
    ["我先还¥300", "zh-CN", "300"],
    ["我先还￥1,000", "zh-CN", "1000"],
    ["我先还300块", "zh-CN", "300"],
    ["我先还三百块", "zh-CN", "300"],
    ["周五还一千二百元", "zh-CN", "1200"],
    ["周五还一千二块", "zh-CN", "1200"],
    ["两万五块钱", "zh-CN", "25000"],
    ["明天还300", "zh-CN", "300"],
    ["明天还三百", "zh-CN", "300"],
  ] as const)("Should read %j as %s", (text, locale, expected) => {
    expect(amountIn(text, locale)).toBe(expected);
  });

  it.each([
    ["I'll pay in 3 days", "en"],
    ["I'll pay on the 5th", "en"],
    ["can I pay in 3 installments", "en"],
    ["I'll pay 3/5", "en"],
    ["5", "en"],
    ["5号还", "zh-CN"],
    ["还一下", "zh-CN"],
    ["三天后还", "zh-CN"],
    ["分两次还", "zh-CN"],
  ] as const)("Should find no amount in %j", (text, locale) => {
    expect(amountIn(text, locale)).toBeUndefined();
  });
});
