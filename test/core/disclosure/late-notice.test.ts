// Late notices state what waiting costs, in both languages, with figures from core, and never threaten.
import { describe, expect, it } from "vitest";
import { loanDisclosure } from "../../../core/disclosure/index.ts";
import { loanStateAsOf } from "../../../core/ledger/loan-state-as-of.ts";
import { nudgeTextFacts, renderNudge } from "../../../core/nudges/index.ts";
import { FORBIDDEN_CLAIMS } from "../../../core/text/forbidden-claims.ts";
import { nudgeTemplates } from "../../../prompts/index.ts";
import { domainErrorWithCode } from "../../helpers/builders.ts";
import { loanOf, standardLateFee, usd } from "../../helpers/loans.ts";
import { facts, loan as loanFacts } from "../nudges/builders.ts";

// The worked example two days after its first due date (see next-late-fee.test.ts).
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

describe("a late notice's disclosure", () => {
  it("Should state the next fee and the monthly interest in English, before the plan step", () => {
    const lines = renderNudge(facts({ at: AT, loans: [late] }), nudgeTemplates).text.split("\n");
    expect(lines.slice(1, 3)).toEqual([
      "If the payment due on Sunday, February 15 is still unpaid on Thursday, February 19, a late fee of $20.36 will be added that day.",
      "Interest keeps adding up: $12.99 a month at 12.99% a year on today's principal balance of $1,200.00.",
    ]);
    expect(lines.at(-2)).toMatch(/reply PLAN/);
    expect(lines.at(-1)).toBe("Reply STOP to stop these reminders.");
  });

  it("Should state them in Chinese", () => {
    const text = renderNudge(
      facts({ at: AT, locale: "zh-CN", timeZone: "Asia/Shanghai", loans: [late] }),
      nudgeTemplates,
    ).text;
    expect(text).toContain(
      "如果2月15日 星期日到期的还款在2月19日 星期四仍未还清，当天将加收滞纳金US$20.36。",
    );
    expect(text).toContain(
      "利息仍在累计：按当前本金余额US$1,200.00、年利率12.99%计算，每月利息US$12.99。",
    );
  });

  it("Should say no further fees once the cap is reached", () => {
    const capped = loanDisclosure(loan, [], loanStateAsOf(loan, [], "2026-05-01"));
    const text = renderNudge(
      facts({ at: "2026-05-01T15:00:00Z", loans: [{ ...late, disclosure: capped }] }),
      nudgeTemplates,
    ).text;
    expect(text).toContain("No further late fees will be added to this loan.");
    expect(text).not.toContain("a late fee of");
  });

  it("Should leave reminders before the due date as they were", () => {
    const before = renderNudge(facts({ at: AT, kind: "pre_due", loans: [late] }), nudgeTemplates);
    expect(before.text).not.toContain("late fee");
    expect(before.text).not.toContain("Interest");
  });

  it("Should prefix each loan's lines with its reference in a nudge about several loans", () => {
    const other = { ...late, loanRef: "L-2002" };
    const text = renderNudge(facts({ at: AT, loans: [late, other] }), nudgeTemplates).text;
    expect(text).toContain("Loan L-2002: Interest keeps adding up: $12.99 a month");
  });

  it("Should give the LLM guard every disclosed figure", () => {
    const texts = nudgeTextFacts(facts({ at: AT, loans: [late] }));
    for (const figure of ["$20.36", "$12.99", "12.99%", "$1,200.00", "Thursday, February 19"]) {
      expect(texts.has(figure)).toBe(true);
    }
  });

  it("Should add the lender's own statement only when configured, word for word", () => {
    const statement = "We report payments more than 30 days late to credit bureaus.";
    const en = nudgeTemplates.en;
    const templates = {
      ...nudgeTemplates,
      en: { ...en, disclosure: { ...en.disclosure, lenderStatement: statement } },
    };
    const withStatement = renderNudge(facts({ at: AT, loans: [late] }), templates).text;
    expect(withStatement.split("\n").at(-3)).toBe(statement);
    const without = renderNudge(facts({ at: AT, loans: [late] }), nudgeTemplates).text;
    expect(without).not.toMatch(FORBIDDEN_CLAIMS.creditScore as RegExp);
  });

  it("Should refuse a lender statement that threatens or names third parties", () => {
    const en = nudgeTemplates.en;
    const threat = "Pay now or we will tell your employer.";
    const templates = {
      ...nudgeTemplates,
      en: { ...en, disclosure: { ...en.disclosure, lenderStatement: threat } },
    };
    expect(() => renderNudge(facts({ at: AT, loans: [late] }), templates)).toThrow(
      domainErrorWithCode("INVALID_DISCLOSURE"),
    );
  });

  it("Should keep every disclosure template free of threats, legal or credit claims", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      for (const [key, text] of Object.entries(nudgeTemplates[locale].disclosure)) {
        for (const [claim, pattern] of Object.entries(FORBIDDEN_CLAIMS)) {
          expect(pattern.test(text), `${locale} ${key} makes a ${claim} claim`).toBe(false);
        }
        expect(/\d/.test(text), `${locale} ${key} holds a digit`).toBe(false);
      }
    }
  });
});
