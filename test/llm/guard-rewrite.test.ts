// The guard on rewordings: figures, the lender, the opt-out line, length and claims, en and zh.
import { describe, expect, it } from "vitest";
import { guardRewrite, nudgeRequirements } from "../../core/llm/index.ts";
import { nudgeTextFacts } from "../../core/nudges/index.ts";
import { LENDER, nudge, OPT_OUT, zhNudge } from "./builders.ts";

function guard(candidate: string, { facts, text } = nudge(), maxLength?: number) {
  return guardRewrite(candidate, {
    original: text,
    allowed: nudgeTextFacts(facts),
    required: nudgeRequirements(text, facts),
    ...(maxLength === undefined ? {} : { maxLength }),
  });
}

const FAITHFUL_EN = [
  "Hello Alex, Acme Credit here. We haven't received your payment that was due on Friday, March 6.",
  "It is 3 days past due now; please pay $130.00 (this includes $10.00 in late fees and charges).",
  "If you've already sent it, thank you! Finding it hard to pay? Reply PLAN for payment plan options.",
  OPT_OUT.en,
].join("\n");

const FAITHFUL_ZH = [
  "Alex您好，我们是Acme Credit。您3月6日 星期五到期的款项暂未到账，现已逾期3天，",
  "需还金额US$130.00（含费用及滞纳金US$10.00）。如已还款，感谢您！",
  "如还款有困难，回复“计划”了解还款计划。",
  OPT_OUT["zh-CN"],
].join("\n");

describe("guardRewrite on an English nudge", () => {
  it("Should accept a faithful rewording", () => {
    expect(guard(FAITHFUL_EN)).toEqual({ text: FAITHFUL_EN, source: "model" });
  });

  it("Should reject a changed amount", () => {
    const result = guard(FAITHFUL_EN.replace("$130.00", "$135.00"));
    expect(result.source).toBe("template");
    expect(result.text).toBe(nudge().text);
    expect(result.rejectedBecause).toMatch(/^missing:\$130\.00$/);
  });

  it("Should reject an added amount even when the original ones stay", () => {
    const result = guard(FAITHFUL_EN.replace("thank you!", "thank you! A $5 fee applies."));
    expect(result).toMatchObject({ source: "template", rejectedBecause: "figure:$" });
  });

  it("Should reject an amount built from allowed digits ($13 from 1 and 3)", () => {
    const result = guard(FAITHFUL_EN.replace("thank you!", "thank you, pay $13 today."));
    expect(result.source).toBe("template");
  });

  it("Should reject a changed date", () => {
    const result = guard(FAITHFUL_EN.replace("Friday, March 6", "Friday, March 3"));
    expect(result.source).toBe("template");
    expect(result.rejectedBecause).toBe("missing:Friday, March 6");
  });

  it("Should reject a new deadline even without digits", () => {
    const result = guard(FAITHFUL_EN.replace("thank you!", "thank you! Please pay by tomorrow."));
    expect(result).toMatchObject({ source: "template", rejectedBecause: "figure:tomorrow" });
  });

  it("Should reject a rewording that drops the opt-out line", () => {
    const result = guard(FAITHFUL_EN.replace(`\n${OPT_OUT.en}`, ""));
    expect(result).toMatchObject({ source: "template", rejectedBecause: `missing:${OPT_OUT.en}` });
  });

  it("Should reject a rewording that drops the lender's name", () => {
    const result = guard(FAITHFUL_EN.replace("Acme Credit here", "your lender here"));
    expect(result).toMatchObject({ source: "template", rejectedBecause: `missing:${LENDER}` });
  });

  it.each([
    ["threat", "Pay now or face the consequences."],
    ["legal", "Otherwise we will take legal action."],
    ["arrest", "Non-payment can lead to arrest."],
    ["creditScore", "This will hurt your credit score."],
    ["thirdParty", "We may contact your employer."],
    ["concession", "We can waive the late fees if you pay today."],
    ["concession", "We'd be happy to settle for less."],
    ["concession", "We may forgive part of the balance."],
  ])("Should reject an added %s claim: %s", (kind, sentence) => {
    const result = guard(FAITHFUL_EN.replace("thank you!", `thank you! ${sentence}`));
    expect(result).toMatchObject({ source: "template", rejectedBecause: `claim:${kind}` });
  });

  it("Should reject a rewording longer than the channel allows", () => {
    const long = FAITHFUL_EN.replace("thank you!", `thank you!${" Truly.".repeat(700)}`);
    expect(guard(long).rejectedBecause).toBe("too-long");
    expect(guard(FAITHFUL_EN, nudge(), 100).rejectedBecause).toBe("too-long");
  });

  it("Should reject an empty answer", () => {
    expect(guard("  \n ").rejectedBecause).toBe("empty");
  });

  it("Should reject a link the facts do not hold", () => {
    const result = guard(
      FAITHFUL_EN.replace("thank you!", "thank you! Pay at https://pay.evil.example"),
    );
    expect(result.source).toBe("template");
  });
});

describe("guardRewrite on a Chinese nudge", () => {
  const zh = zhNudge();

  it("Should accept a faithful rewording", () => {
    expect(guard(FAITHFUL_ZH, zh)).toEqual({ text: FAITHFUL_ZH, source: "model" });
  });

  it("Should reject a changed amount", () => {
    const result = guard(FAITHFUL_ZH.replace("US$130.00", "US$103.00"), zh);
    expect(result.source).toBe("template");
    expect(result.text).toBe(zh.text);
  });

  it("Should reject a changed date", () => {
    expect(guard(FAITHFUL_ZH.replace("3月6日 星期五", "3月8日 星期五"), zh).source).toBe(
      "template",
    );
  });

  it("Should reject a date built from allowed digits (3月3日)", () => {
    const result = guard(FAITHFUL_ZH.replace("如已还款", "请于3月3日前还款。如已还款"), zh);
    expect(result.source).toBe("template");
  });

  it("Should reject a new deadline in words (明天)", () => {
    const result = guard(FAITHFUL_ZH.replace("如已还款", "请明天还款。如已还款"), zh);
    expect(result).toMatchObject({ source: "template", rejectedBecause: "figure:明天" });
  });

  it("Should reject a dropped opt-out line", () => {
    const result = guard(FAITHFUL_ZH.replace(`\n${OPT_OUT["zh-CN"]}`, ""), zh);
    expect(result.rejectedBecause).toBe(`missing:${OPT_OUT["zh-CN"]}`);
  });

  it("Should reject a dropped lender name", () => {
    const result = guard(FAITHFUL_ZH.replace("Acme Credit", "贷款机构"), zh);
    expect(result.rejectedBecause).toBe(`missing:${LENDER}`);
  });

  it.each([
    ["legal", "逾期将被起诉。"],
    ["creditScore", "逾期会影响您的征信。"],
    ["thirdParty", "我们将联系您的家人。"],
    ["concession", "现在还款可减免滞纳金。"],
    ["arrest", "否则将报警处理。"],
  ])("Should reject an added %s claim: %s", (kind, sentence) => {
    const result = guard(FAITHFUL_ZH.replace("如已还款", `${sentence}如已还款`), zh);
    expect(result).toMatchObject({ source: "template", rejectedBecause: `claim:${kind}` });
  });
});
