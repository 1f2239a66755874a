// Rendering a nudge: exact figures from the facts, a way forward, a way out, in the borrower's words.
import { describe, expect, it } from "vitest";
import { formatAmount, formatDay } from "../../../core/format/index.ts";
import { money } from "../../../core/money/money.ts";
import {
  NUDGE_KINDS,
  NUDGE_TONES,
  type NudgeFacts,
  renderNudge,
} from "../../../core/nudges/index.ts";
import type { Locale } from "../../../core/ports/borrowers.ts";
import { nudgeTemplates } from "../../../prompts/index.ts";
import { domainErrorWithCode } from "../../helpers/builders.ts";
import { facts, LENDER, loan, OPT_OUT, PLAN_STEP, render, renderInTone } from "./builders.ts";

const LOCALES: readonly Locale[] = ["en", "zh-CN"];
const TODAY = "2026-03-09";

const SEVERAL = [
  loan({ payLink: "https://pay.example/L-1042" }),
  loan({
    loanRef: "L-2001",
    amountDue: money(50000n, "JPY"),
    dueDate: "2026-03-20",
    overdue: money(0n, "JPY"),
    feesAndPenalties: money(0n, "JPY"),
    daysPastDue: 0,
  }),
];

describe("renderNudge", () => {
  it("Should write the documented English overdue nudge", () => {
    const nudge = render({ loans: [loan({ payLink: "https://pay.example/L-1042" })] });
    expect(nudge.text).toBe(
      [
        "Hi Alex, this is Acme Credit. Your payment due on Friday, March 6 hasn't reached us yet. It is now 3 days past due, and the amount to pay is $130.00 (including $10.00 in late fees and charges). If it's already on its way, thank you.",
        "Pay here: https://pay.example/L-1042",
        "If paying is hard right now, reply PLAN to see payment plan options.",
        "Reply STOP to stop these reminders.",
      ].join("\n"),
    );
    expect(nudge).toMatchObject({
      tone: "friendly",
      segment: "first-time-late",
      template: "en/overdue/friendly",
    });
  });

  it("Should write the documented Chinese overdue nudge", () => {
    const nudge = render({
      locale: "zh-CN",
      timeZone: "Asia/Shanghai",
      borrowerName: "王小明",
      lenderName: "好信贷",
      loans: [
        loan({
          amountDue: money(123456n, "CNY"),
          overdue: money(123456n, "CNY"),
          feesAndPenalties: money(5000n, "CNY"),
          payLink: "https://pay.example/L-1042",
        }),
      ],
      history: { timesLate: 2, promisesKept: 0, promisesBroken: 0 },
    });
    expect(nudge.text).toBe(
      [
        "王小明，您好，这里是好信贷。您3月6日 星期五到期的还款已逾期3天，应还金额为¥1,234.56（含费用及滞纳金¥50.00）。请安排还款，或告诉我们您能做到的安排。",
        "还款链接：https://pay.example/L-1042",
        "如果目前还款有困难，回复“计划”查看还款计划方案。",
        "回复“退订”停止提醒。",
      ].join("\n"),
    );
    expect(nudge).toMatchObject({
      tone: "direct",
      segment: "repeatedly-late",
      template: "zh-CN/overdue/direct",
    });
  });

  for (const locale of LOCALES) {
    it(`Should name the lender, give each amount and date, offer a plan and end with the opt-out (${locale})`, () => {
      for (const kind of NUDGE_KINDS) {
        for (const tone of NUDGE_TONES) {
          for (const loans of [[loan()], SEVERAL]) {
            const input = facts({ locale, kind, loans });
            const lines = renderInTone(input, tone).text.split("\n");
            const text = lines.join("\n");
            expect(text).toContain(LENDER);
            for (const item of loans) {
              expect(text).toContain(formatAmount(item.amountDue, locale));
              expect(text).toContain(formatDay(item.dueDate, locale, TODAY));
            }
            if (kind === "broken_promise")
              expect(text).toContain(formatDay("2026-03-07", locale, TODAY));
            expect(text).toMatch(PLAN_STEP[locale]);
            expect(lines.at(-1)).toBe(OPT_OUT[locale]);
            expect(text.split(OPT_OUT[locale])).toHaveLength(2);
          }
        }
      }
    });
  }

  it("Should give the pay link when there is one, and no pay line when there is none", () => {
    expect(render({ loans: [loan({ payLink: "https://pay.example/x" })] }).text).toContain(
      "Pay here: https://pay.example/x",
    );
    expect(render().text).not.toMatch(/pay here/i);
    const several = render({ loans: SEVERAL }).text;
    expect(several).toContain("Pay loan L-1042 here: https://pay.example/L-1042");
    expect(several).not.toContain("Pay loan L-2001");
  });

  it("Should list each loan on its own line when a nudge covers several", () => {
    const nudge = render({ kind: "follow_up", loans: SEVERAL });
    expect(nudge.template).toBe("en/follow_up/friendly/several");
    expect(nudge.text).toContain("your 2 loans");
    expect(nudge.text).toContain(
      "• Loan L-1042: payment due on Friday, March 6, now 3 days past due; amount to pay $130.00 (including $10.00 in late fees and charges)",
    );
    expect(nudge.text).toContain("• Loan L-2001: ¥50,000 due on Friday, March 20");
  });

  it("Should state the fees inside the amount, and say nothing of fees when there are none", () => {
    expect(render().text).toContain("$130.00 (including $10.00 in late fees and charges)");
    const noFees = render({ loans: [loan({ feesAndPenalties: money(0n, "USD") })] }).text;
    expect(noFees).toContain("the amount to pay is $130.00. ");
    expect(noFees).not.toMatch(/fee/);
  });

  it("Should count days past due in the borrower's grammar", () => {
    expect(render({ loans: [loan({ daysPastDue: 1 })] }).text).toContain("now 1 day past due");
    expect(render({ loans: [loan({ daysPastDue: 21 })] }).text).toContain("now 21 days past due");
    const zh = render({ locale: "zh-CN", loans: [loan({ daysPastDue: 1 })] }).text;
    expect(zh).toContain("已逾期1天");
  });

  it("Should show a date's year only when it is not the borrower's current year, in their zone", () => {
    // 03:00 UTC on New Year's Day 2027 is still 2026 in New York, already 2027 in Shanghai.
    const input = facts({
      kind: "pre_due",
      at: "2027-01-01T03:00:00Z",
      loans: [loan({ dueDate: "2027-01-04", daysPastDue: 0 })],
    });
    expect(renderNudge(input, nudgeTemplates).text).toContain("Monday, January 4, 2027.");
    const shanghai = { ...input, timeZone: "Asia/Shanghai" };
    expect(renderNudge(shanghai, nudgeTemplates).text).toContain("is due on Monday, January 4.");
    const noInstant = { ...shanghai, at: undefined };
    expect(renderNudge(noInstant, nudgeTemplates).text).toContain("Monday, January 4, 2027.");
  });

  it("Should keep every minor unit of the amount in each currency", () => {
    const kwd = money(1200125n, "KWD");
    const text = render({ loans: [loan({ amountDue: kwd, overdue: kwd })] }).text;
    expect(text).toContain(formatAmount(kwd, "en"));
    expect(formatAmount(kwd, "en")).toMatch(/1,200\.125$/);
  });

  it("Should be pure: the same facts give the same nudge", () => {
    const input = Object.freeze(facts({ loans: SEVERAL }));
    expect(renderNudge(input, nudgeTemplates)).toEqual(renderNudge(input, nudgeTemplates));
  });
});

describe("renderNudge errors", () => {
  const withBody = (text: string): typeof nudgeTemplates => ({
    ...nudgeTemplates,
    en: {
      ...nudgeTemplates.en,
      one: {
        ...nudgeTemplates.en.one,
        overdue: { ...nudgeTemplates.en.one.overdue, friendly: text },
      },
    },
  });
  const missing = domainErrorWithCode("TEMPLATE_MISSING");

  it("Should refuse a locale with no templates", () => {
    const { en } = nudgeTemplates;
    expect(() => renderNudge(facts({ locale: "zh-CN" }), { en } as never)).toThrow(missing);
  });

  it("Should refuse a missing template", () => {
    expect(() => renderNudge(facts(), withBody(undefined as never))).toThrow(missing);
    const noOptOut = {
      ...nudgeTemplates.en,
      parts: { ...nudgeTemplates.en.parts, optOut: undefined },
    };
    expect(() => renderNudge(facts(), { ...nudgeTemplates, en: noOptOut as never })).toThrow(
      missing,
    );
  });

  it("Should refuse a template that drops a figure it must state", () => {
    const text = "Hi {name}, this is {lender}. Please pay {amount}. {daysPastDue}{feesNote}";
    expect(() => renderNudge(facts(), withBody(text))).toThrow(
      expect.objectContaining({
        code: "TEMPLATE_MISSING",
        details: expect.objectContaining({ variable: "dueDate" }),
      }),
    );
  });

  it("Should refuse a template asking for a variable the kind does not have", () => {
    const text = "{name} {lender} {amount} {dueDate} {daysPastDue}{feesNote} {promisedFor}";
    expect(() => renderNudge(facts(), withBody(text))).toThrow(missing);
  });

  it("Should refuse a stray brace that would reach the borrower", () => {
    const text = "{name} {lender} {amount} {dueDate} {daysPastDue}{feesNote} { due_date }";
    expect(() => renderNudge(facts(), withBody(text))).toThrow(missing);
  });

  it("Should refuse a broken-promise nudge without the promised date", () => {
    const input: NudgeFacts = { ...facts({ kind: "broken_promise" }), promisedFor: undefined };
    expect(() => renderNudge(input, nudgeTemplates)).toThrow(
      expect.objectContaining({
        code: "TEMPLATE_MISSING",
        details: expect.objectContaining({ variable: "promisedFor" }),
      }),
    );
  });

  it("Should refuse a nudge about no loan", () => {
    expect(() => render({ loans: [] })).toThrow(missing);
  });
});
