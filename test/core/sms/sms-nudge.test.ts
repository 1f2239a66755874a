// SMS nudges: the SMS opt-out line, at most 3 segments by choosing a shorter template, never a cut.
import { describe, expect, it } from "vitest";
import type { NudgeFacts } from "../../../core/nudges/index.ts";
import { smsKeyword, smsNudgeText, smsSize } from "../../../core/sms/index.ts";
import { smsTemplates } from "../../../prompts/index.ts";
import { usd } from "../../helpers/loans.ts";

function facts(loans: number, locale: "en" | "zh-CN" = "en"): NudgeFacts {
  return {
    kind: "overdue",
    locale,
    timeZone: "America/New_York",
    at: "2026-03-03T15:00:00.000Z",
    lenderName: "Acme Credit",
    borrowerName: "Dana",
    loans: Array.from({ length: loans }, (_, i) => ({
      loanRef: `L-${i + 1}`,
      amountDue: usd("1234.56"),
      dueDate: "2026-03-02",
      overdue: usd("1234.56"),
      feesAndPenalties: usd("0.00"),
      daysPastDue: 1,
    })),
    history: { timesLate: 0, onTimeInstallments: 0, promisesKept: 0, promisesBroken: 0 },
  };
}

describe("SMS nudge text", () => {
  it("Should keep a text that fits and put the SMS opt-out line last", () => {
    const text = smsNudgeText(
      "Hi Dana, $1,234.56 is due.\nReply STOP to stop these reminders.",
      facts(1),
      smsTemplates.en,
    );
    expect(text).toBe("Hi Dana, $1,234.56 is due.\nReply STOP to opt out of texts.");
  });

  it("Should switch a text over 3 segments to the short template with the figures whole", () => {
    const long = `${"A long line about your loans. ".repeat(20)}\nReply STOP to stop these reminders.`;
    expect(smsSize(long).segments).toBeGreaterThan(3);
    const text = smsNudgeText(long, facts(5), smsTemplates.en);
    expect(smsSize(text).segments).toBeLessThanOrEqual(3);
    expect(text).toContain("$1,234.56 is due on Monday, March 2 for loan L-1, and 4 more");
    expect(text.endsWith("Reply STOP to opt out of texts.")).toBe(true);
  });

  it("Should shorten Chinese (UCS-2, 67 a part) the same way", () => {
    const long = `${"您的贷款还款提醒。".repeat(30)}\n回复“退订”停止提醒。`;
    const text = smsNudgeText(long, facts(2, "zh-CN"), smsTemplates["zh-CN"]);
    expect(smsSize(text)).toMatchObject({ encoding: "UCS-2" });
    expect(smsSize(text).segments).toBeLessThanOrEqual(3);
    expect(text).toContain("L-1");
    expect(text).toContain("退订");
  });
});

describe("carrier keywords", () => {
  it("Should read whole-message keywords only, any case", () => {
    expect(smsKeyword(" Stop. ")).toBe("stop");
    expect(smsKeyword("退订")).toBe("stop");
    expect(smsKeyword("unstop")).toBe("start");
    expect(smsKeyword("help")).toBe("help");
    expect(smsKeyword("please stop texting me")).toBeUndefined();
  });
});
