// understand() never throws and always answers in its own vocabulary, whatever the borrower sends.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  INTENT_NAMES,
  LANGUAGES,
  MAX_ANALYSED_LENGTH,
  type Understanding,
  understand,
  understandLocally,
} from "../../../core/intents/index.ts";
import { contextFor, intentOf } from "./builders.ts";

// Words and symbols the parsers react to, so random strings reach deep into the rules.
const TRIGGERS = [
  "stop",
  "STOP",
  "pay",
  "paid",
  "friday",
  "next",
  "the 5th",
  "3/5",
  "$",
  "1,200.50",
  "k",
  "元",
  "明天",
  "还",
  "不",
  "周五",
  "下个月",
  "号",
  "月底",
  "退订",
  "人工",
  "_date_",
  "_amount_",
  "|",
  "constructor",
  "__proto__",
  "toString",
  "can't",
  "i'll",
  "  ",
  "\n",
  "\u0000",
  "\u202e",
  "\u200b",
  "👋",
  "🛑",
  "﷽",
  "ǅ",
  "İ",
  "ß",
  "\ud800",
  "\udfff",
  "٣",
  "１２３",
  "ＳＴＯＰ",
  "還",
];

const adversarial: Record<string, string> = {
  empty: "",
  whitespace: " \t\r\n ",
  "10 KB": "how much do I owe? ".repeat(540),
  "10 KB of one char": "a".repeat(10_240),
  "10 KB of digits": "9".repeat(10_240),
  "10 KB of ordinals": "5th ".repeat(2_560),
  emoji: "👍🏽💸🔥👨‍👩‍👧‍👦🏳️‍🌈",
  "RTL Arabic": "مرحبا، كم أدين؟",
  "RTL Hebrew": "שלום, כמה אני חייב?",
  "bidi override": "\u202eyap lliw I\u202c friday",
  "SQL injection": "'; DROP TABLE loans; -- stop",
  "SQL union": "1' OR '1'='1' UNION SELECT * FROM borrowers --",
  HTML: '<script>alert("stop")</script><img src=x onerror=alert(1)>',
  Markdown: "# Pay\n**now** [link](javascript:alert(1)) `code` > quote",
  "null bytes": "st\u0000op\u0000 pay\u0000 friday",
  "control chars": "\u0001\u0002\u0007\u001b[31mred\u001b[0m",
  "lone surrogates": "\ud800\udc00\ud800 pay \udfff",
  "regex bait": "((((((((((a+)+)+)+)+)+)+)+)+)+)".repeat(60),
  "many dates": "pay friday monday the 5th 3/5 march 5 tomorrow ".repeat(40),
  "many amounts": "$1,000,000,000,000.999 ¥1 2k 三百块 ".repeat(60),
  "chinese numerals": "一二三四五六七八九十百千万".repeat(200),
  "prototype keys": "constructor __proto__ hasOwnProperty toString valueOf",
};

function expectValid(result: Understanding): void {
  expect(INTENT_NAMES).toContain(result.intent);
  expect(LANGUAGES).toContain(result.language);
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  if (result.entities.date !== undefined)
    expect(result.entities.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (result.entities.amount !== undefined) expect(result.entities.amount).toMatch(/^\d+(\.\d+)?$/);
  for (const entry of result.alternatives ?? []) {
    expect(INTENT_NAMES).toContain(entry.intent);
    expect(entry.confidence).toBeGreaterThanOrEqual(0);
    expect(entry.confidence).toBeLessThanOrEqual(1);
  }
}

describe("fuzz", () => {
  it.each(Object.entries(adversarial))("Should answer for %s", (_, text) => {
    for (const locale of LANGUAGES) {
      expectValid(understand(text, contextFor(locale)));
      expectValid(understandLocally(text, contextFor(locale)));
    }
  });

  it("Should never throw on 10,000 random and adversarial strings", () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.string({ unit: "binary-ascii", maxLength: 3_000 }),
      fc.array(fc.constantFrom(...TRIGGERS), { maxLength: 40 }).map((parts) => parts.join(" ")),
      fc
        .array(
          fc.oneof(fc.constantFrom(...TRIGGERS), fc.string({ unit: "binary", maxLength: 4 })),
          {
            maxLength: 60,
          },
        )
        .map((parts) => parts.join("")),
      fc.constantFrom(...Object.values(adversarial)),
    );
    const locale = fc.constantFrom(...LANGUAGES);
    const zone = fc.constantFrom("UTC", "Asia/Shanghai", "America/New_York", "Pacific/Kiritimati");
    fc.assert(
      fc.property(text, locale, zone, (input, language, timeZone) => {
        expectValid(understand(input, contextFor(language, { timeZone })));
        expectValid(understandLocally(input, contextFor(language, { timeZone })));
      }),
      { numRuns: 10_000 },
    );
    // Both readers on 10,000 strings, on a shared machine: room to finish, not a speed check.
  }, 120_000);

  it("Should only read the first MAX_ANALYSED_LENGTH characters", () => {
    const padding = "x ".repeat(MAX_ANALYSED_LENGTH);
    expect(intentOf(`stop! ${padding}`)).toBe("opt_out");
    expect(intentOf(`${padding}. stop`)).toBe("unknown");
  });

  it("Should read a 10 KB message quickly", () => {
    const started = performance.now();
    for (const text of Object.values(adversarial)) understandLocally(text, contextFor("en"));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
