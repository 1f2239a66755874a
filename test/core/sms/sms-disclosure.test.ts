// The short SMS form of a late notice keeps what waiting costs: the next fee (amount and date) and interest a month.
import { describe, expect, it } from "vitest";
import { loanDisclosure } from "../../../core/disclosure/index.ts";
import { formatAmount, formatDay } from "../../../core/format/index.ts";
import { loanStateAsOf } from "../../../core/ledger/loan-state-as-of.ts";
import { renderNudge } from "../../../core/nudges/index.ts";
import { smsNudgeText, smsSize } from "../../../core/sms/index.ts";
import { nudgeTemplates, smsTemplates } from "../../../prompts/index.ts";
import { loanOf, standardLateFee, usd } from "../../helpers/loans.ts";
import { facts, loan as loanFacts } from "../nudges/builders.ts";

// The worked example two days after its first due date (as in the late-notice test).
const loan = loanOf({}, { lateFee: standardLateFee });
const state = loanStateAsOf(loan, [], "2026-02-17");
const disclosure = loanDisclosure(loan, [], state);
const late = loanFacts({
  amountDue: usd("107.18"),
  dueDate: "2026-02-15",
  overdue: usd("107.18"),
  feesAndPenalties: usd("0.00"),
  daysPastDue: 2,
  disclosure,
});
const AT = "2026-02-17T15:00:00Z";
const LONG = `${"A long line about your loan. ".repeat(20)}\nReply STOP to stop these reminders.`;

function figures(locale: "en" | "zh-CN") {
  if (disclosure.nextFee.kind !== "fee" || !disclosure.interest) throw new Error("worked example");
  return {
    fee: formatAmount(disclosure.nextFee.amount, locale),
    feeDate: formatDay(disclosure.nextFee.chargedOn, locale, "2026-02-17"),
    interest: formatAmount(disclosure.interest.amount, locale),
  };
}

describe("the short SMS form of a late notice", () => {
  it("Should keep the next late fee with its date and the interest a month, from core's figures", () => {
    const f = figures("en");
    expect(f).toEqual({ fee: "$20.36", feeDate: "Thursday, February 19", interest: "$12.99" });
    const text = smsNudgeText(LONG, facts({ at: AT, loans: [late] }), smsTemplates.en);
    expect(text.split("\n")).toEqual([
      "Acme Credit: $107.18 is due on Sunday, February 15 for loan L-1042. Reply 1 for your balance.",
      `Late fee ${f.fee} if still unpaid on ${f.feeDate}. Interest: ${f.interest} a month.`,
      "Reply STOP to opt out of texts.",
    ]);
    expect(smsSize(text).segments).toBeLessThanOrEqual(3);
  });

  it("Should keep them in Chinese within 3 UCS-2 segments", () => {
    const f = figures("zh-CN");
    const zh = facts({ at: AT, locale: "zh-CN", timeZone: "Asia/Shanghai", loans: [late] });
    const text = smsNudgeText(
      `${"您的贷款还款提醒。".repeat(30)}\n回复“退订”停止提醒。`,
      zh,
      smsTemplates["zh-CN"],
    );
    expect(text).toContain(`${f.feeDate}仍未还将加收滞纳金${f.fee}。利息每月${f.interest}。`);
    expect(smsSize(text)).toMatchObject({ encoding: "UCS-2" });
    expect(smsSize(text).segments).toBeLessThanOrEqual(3);
  });

  it("Should say no further fees once the cap is reached", () => {
    const capped = loanDisclosure(loan, [], loanStateAsOf(loan, [], "2026-05-01"));
    const text = smsNudgeText(
      LONG,
      facts({ at: "2026-05-01T15:00:00Z", loans: [{ ...late, disclosure: capped }] }),
      smsTemplates.en,
    );
    expect(text).toContain("No further late fees.");
    expect(text).not.toContain("Late fee ");
  });

  it("Should drop the interest before the fee, and never cut a figure, when the budget is tight", () => {
    const lender = "L".repeat(270);
    const text = smsNudgeText(
      LONG,
      facts({ at: AT, lenderName: lender, loans: [late] }),
      smsTemplates.en,
    );
    expect(smsSize(text).segments).toBeLessThanOrEqual(3);
    expect(text).toContain("Late fee $20.36 if still unpaid on Thursday, February 19.");
    expect(text).not.toContain("Interest:");
  });

  it("Should state the same figures as the full notice it replaces", () => {
    const rendered = renderNudge(facts({ at: AT, loans: [late] }), nudgeTemplates).text;
    expect(smsSize(rendered).segments).toBeGreaterThan(3);
    const text = smsNudgeText(rendered, facts({ at: AT, loans: [late] }), smsTemplates.en);
    for (const figure of ["$20.36", "Thursday, February 19", "$12.99 a month"]) {
      expect(rendered).toContain(figure);
      expect(text).toContain(figure);
    }
  });

  it("Should add nothing to a reminder before the due date", () => {
    const text = smsNudgeText(
      LONG,
      facts({ at: AT, kind: "pre_due", loans: [{ ...late, daysPastDue: 0 }] }),
      smsTemplates.en,
    );
    expect(text.split("\n")).toHaveLength(2);
  });
});
