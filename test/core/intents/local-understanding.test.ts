// Rules first where sure, the classifier next: casual messages are understood or asked, never misread into an act.
import { describe, expect, it } from "vitest";
import { HELD_OUT_FILES } from "../../../bots/cli/intent-corpus.ts";
import { CONSEQUENTIAL } from "../../../core/intents/confidence.ts";
import { understand } from "../../../core/intents/index.ts";
import { understandLocally } from "../../../core/intents/understand-locally.ts";
import { contextFor, readLabelled } from "./builders.ts";

const read = (text: string, locale: "en" | "zh-CN" = "en") =>
  understandLocally(text, contextFor(locale));

describe("understandLocally", () => {
  it("Should ask, with the payoff quote first, rather than record a promise for a payoff question", () => {
    const text = "what would it cost to pay off everything today";
    expect(understand(text, contextFor("en")).intent).toBe("promise_to_pay");
    const result = read(text);
    expect(result.intent).toBe("payoff_quote");
    expect(result.alternatives?.map((entry) => entry.intent)).toEqual([
      "payoff_quote",
      "promise_to_pay",
    ]);
  });

  it("Should read asking to spread the debt over months as a plan request, not a balance question", () => {
    const text = "能不能把欠款分几个月还";
    expect(understand(text, contextFor("zh-CN")).intent).toBe("balance");
    const result = read(text, "zh-CN");
    expect(result.intent).toBe("plan_request");
    expect(result.alternatives?.[0]?.intent).toBe("plan_request");
  });

  it("Should read slang about the loan as a balance question, not a greeting", () => {
    const text = "yo what's the damage on my loan rn";
    expect(understand(text, contextFor("en")).intent).toBe("greeting");
    expect(read(text).intent).toBe("balance");
  });

  it.each([
    ["STOP", "en"],
    ["stop texting me", "en"],
    ["退订", "zh-CN"],
    ["停止发送", "zh-CN"],
  ] as const)(
    "Should honour the opt-out keyword %s at once, as the rules read it",
    (text, locale) => {
      const result = read(text, locale);
      expect(result).toEqual(understand(text, contextFor(locale)));
      expect(result.intent).toBe("opt_out");
      expect(result.alternatives).toBeUndefined();
    },
  );

  it("Should confirm a consequential intent that only the classifier read, however sure", () => {
    const result = read("what is this extra charge on my loan?");
    expect(result.intent).toBe("dispute");
    expect(result.confidence).toBeGreaterThan(0.75);
    expect(result.alternatives?.[0]?.intent).toBe("dispute");
  });

  it("Should act on a reading where a rule and the classifier agree", () => {
    const result = read("I'll pay on friday");
    expect(result).toMatchObject({ intent: "promise_to_pay", entities: { date: "2026-03-06" } });
    expect(result.confidence).toBeGreaterThan(0.9);
    expect(result.alternatives).toBeUndefined();
  });

  it("Should keep dates in the borrower's zone and amounts, in both languages", () => {
    expect(read("后天还500", "zh-CN")).toMatchObject({
      intent: "promise_to_pay",
      entities: { date: "2026-03-06", amount: "500" },
    });
    // 10:00Z on 4 March is still 3 March in Pago Pago (UTC-11): "tomorrow" is the 4th there.
    const pagoPago = understandLocally(
      "ill pay tmrw",
      contextFor("en", { timeZone: "Pacific/Pago_Pago" }),
    );
    expect(pagoPago.entities.date).toBe("2026-03-04");
  });

  it("Should leave a message with nothing to read to the rules", () => {
    expect(read("👍")).toEqual(understand("👍", contextFor("en")));
  });
});

/** Acted on without asking, a known intent, and not the labelled one. */
function measure(file: string) {
  const lines = readLabelled(file);
  let right = 0;
  let confidentlyWrong = 0;
  let consequentialWrong = 0;
  for (const line of lines) {
    const overrides = line.zone === undefined ? {} : { timeZone: line.zone };
    const result = understandLocally(line.text, contextFor(line.locale, overrides));
    const acted = result.alternatives === undefined;
    if (result.intent === line.intent) right += 1;
    else if (acted && result.intent !== "unknown") {
      confidentlyWrong += 1;
      if (CONSEQUENTIAL.has(result.intent)) consequentialWrong += 1;
    }
  }
  return {
    accuracy: right / lines.length,
    confidentlyWrong: confidentlyWrong / lines.length,
    consequentialWrong,
  };
}

// The model is frozen and the reading deterministic: these are measurements, held at the issue's
// goals (accuracy >= 0.95, confidently wrong <= 2%) on every held-out file.
describe.each(HELD_OUT_FILES)("on %s (never trained on)", (file) => {
  const scores = measure(file);
  console.log(JSON.stringify({ fixture: file, local: scores }));

  it("Should name at least 95% of intents right", () => {
    expect(scores.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("Should be confidently wrong on at most 2% of messages", () => {
    expect(scores.confidentlyWrong).toBeLessThanOrEqual(0.02);
  });

  it("Should never act on a wrong promise, opt-out, opt-in or dispute", () => {
    expect(scores.consequentialWrong).toBe(0);
  });
});
