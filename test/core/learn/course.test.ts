// The short course: reachable by /learn and by questions, built on the borrower's own figures, progress kept.
import { describe, expect, it } from "vitest";
import { lessonsTaken } from "../../../core/assistant/index.ts";
import {
  formatPercent,
  loanDisclosure,
  loanDisclosureLines,
} from "../../../core/disclosure/index.ts";
import { formatAmount, formatDay, placeholdersOf } from "../../../core/format/index.ts";
import { understandLocally } from "../../../core/intents/understand-locally.ts";
import { LESSON_IDS, LESSON_VARIABLES, learnRequest } from "../../../core/learn/index.ts";
import { loanStateAsOf } from "../../../core/ledger/index.ts";
import { add } from "../../../core/money/index.ts";
import { course } from "../../../prompts/index.ts";
import { actionStarting, givenLateBorrower, says, taps, world } from "../assistant/builders.ts";

describe("learnRequest", () => {
  it("Should read /learn, a named lesson and a lesson's button, and leave questions to the intent engine", () => {
    expect(learnRequest("/learn")).toEqual({});
    expect(learnRequest("/learn fees")).toEqual({ lesson: "fees" });
    expect(learnRequest("/学习")).toEqual({});
    expect(learnRequest("learn:plans")).toEqual({ lesson: "plans" });
    expect(learnRequest("How does interest work?")).toBeUndefined();
    expect(learnRequest("为什么有滞纳金")).toBeUndefined();
  });
});

describe("learning questions through the intent engine (rules, then the classifier)", () => {
  const at = (locale: "en" | "zh-CN") => ({
    locale,
    timeZone: "America/New_York",
    now: "2026-03-04T15:00:00Z",
  });
  const cases: [string, "en" | "zh-CN", string, string][] = [
    ["how does interest work", "en", "interest", "en.learn.interest"],
    ["what happens if I miss a payment", "en", "fees", "en.learn.miss-payment"],
    ["why is there a late fee?", "en", "fees", "en.learn.late-fees"],
    ["what makes up my balance", "en", "balance", "en.learn.balance-made-up"],
    ["what does a payment plan cost", "en", "plans", "en.learn.plan-cost"],
    ["how do i make a budget", "en", "budget", "en.learn.budget"],
    ["what are my rights", "en", "rights", "en.learn.rights"],
    ["为什么有滞纳金", "zh-CN", "fees", "zh.learn.late-fees"],
    ["利息怎么算", "zh-CN", "interest", "zh.learn.interest"],
    ["逾期了会怎么样", "zh-CN", "fees", "zh.learn.miss-payment"],
    ["还款计划要多少钱", "zh-CN", "plans", "zh.learn.plan-cost"],
    ["我有哪些权利", "zh-CN", "rights", "zh.learn.rights"],
  ];
  for (const [text, locale, lesson, rule] of cases) {
    it(`Should read "${text}" as the ${lesson} lesson, acted on without asking`, () => {
      const reading = understandLocally(text, at(locale));
      expect(reading).toMatchObject({ intent: "learn", entities: { lesson } });
      expect(reading.rule).toBe(`${rule}+model`);
      expect(reading.alternatives).toBeUndefined();
    });
  }

  it("Should keep questions about amounts, and a charge called wrong, out of the course", () => {
    const en = at("en");
    expect(understandLocally("how much interest do I owe", en).intent).toBe("balance");
    expect(understandLocally("that late fee is wrong, I paid on the due date", en).intent).toBe(
      "dispute",
    );
    expect(understandLocally("利息算错了", at("zh-CN")).intent).toBe("dispute");
    expect(understandLocally("I'm on a tight budget, can I pay less each month", en).intent).toBe(
      "plan_request",
    );
  });
});

describe("the course templates", () => {
  it("Should use exactly each lesson's variables and hold no digits of their own", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      for (const id of LESSON_IDS) {
        const { title, body } = course[locale].lessons[id];
        expect(placeholdersOf(body).sort(), `${locale} ${id}`).toEqual(
          [...LESSON_VARIABLES[id]].sort(),
        );
        expect(/\d/.test(title + body), `${locale} ${id}`).toBe(false);
      }
    }
  });
});

describe("a lesson on the borrower's own loan", () => {
  it("Should start with the balance, in the borrower's figures, then lead to the next lesson", async () => {
    const w = world({ course });
    const { borrower } = await givenLateBorrower(w.store);
    const first = await says(w, borrower.id, "/learn");
    expect(first.text.split("\n")[0]).toBe("Lesson 1 of 6: How your balance is made up");
    // The worked example (1,200.00 at 12.99%, 12 × 107.18) after 50.00 paid: figures from core.
    expect(first.text).toMatch(/^You owe \$[\d,.]+ in all: \$[\d,.]+ of it is principal/m);
    const next = await taps(w, borrower.id, actionStarting(first, "learn:"));
    expect(next.text).toContain("Lesson 2 of 6: How interest works");
    expect(next.text).toContain(
      "Your rate is 12.99% a year, charged on the principal you still owe",
    );
    expect(next.text).toContain(
      "Your installment of $107.18 due on Sunday, February 15 has $12.99 of interest in it; the other $94.19 brings your principal down.",
    );
    expect(await lessonsTaken(w.store.audit, borrower.id)).toEqual(["balance", "interest"]);
  });

  it("Should answer a question about late fees with the fee lesson and the loan's next fee", async () => {
    const w = world({ course });
    const { borrower } = await givenLateBorrower(w.store, { locale: "zh-CN" }, "CNY");
    const reply = await says(w, borrower.id, "为什么有滞纳金");
    expect(reply.text).toContain("第3课（共6课）：滞纳金是怎么产生的");
    expect(reply.text).toMatch(
      /您的贷款目前的情况：(如果.*加收滞纳金¥[\d,.]+。|这笔贷款不会再加收滞纳金。)/,
    );
  });

  it("Should answer the issue's English questions with their lessons, and record each as taken", async () => {
    const w = world({ course });
    const { borrower } = await givenLateBorrower(w.store);
    const missed = await says(w, borrower.id, "what happens if I miss a payment");
    expect(missed.text.split("\n")[0]).toBe("Lesson 3 of 6: How late fees grow");
    const interest = await says(w, borrower.id, "how does interest work");
    expect(interest.text.split("\n")[0]).toBe("Lesson 2 of 6: How interest works");
    expect(interest.text).toContain("has $12.99 of interest in it; the other $94.19");
    expect(await lessonsTaken(w.store.audit, borrower.id)).toEqual(["fees", "interest"]);
  });

  it("Should keep a Chinese-locale borrower's /learn commands in Chinese: a command carries no language of its own", async () => {
    const w = world({ course });
    const { borrower } = await givenLateBorrower(w.store, { locale: "zh-CN" }, "CNY");
    const first = await says(w, borrower.id, "/learn fees");
    expect(first.text.split("\n")[0]).toBe("第3课（共6课）：滞纳金是怎么产生的");
    // The log now ends in "/learn fees": Latin letters, but not English words.
    const again = await says(w, borrower.id, "/learn fees");
    expect(again.text.split("\n")[0]).toBe("第3课（共6课）：滞纳金是怎么产生的");
    const tapped = await taps(w, borrower.id, "balance");
    expect(tapped.text.split("\n")[0]).toMatch(/^您的贷款余额为/);
  });

  it("Should follow the language of the borrower's last words, not of a command after them", async () => {
    const w = world({ course });
    const { borrower } = await givenLateBorrower(w.store, { locale: "zh-CN" }, "CNY");
    await says(w, borrower.id, "hello");
    const lesson = await says(w, borrower.id, "/learn");
    expect(lesson.text.split("\n")[0]).toBe("Lesson 1 of 6: How your balance is made up");
  });

  it("Should answer a learning question as an open question (the menu) when the lender offers no course", async () => {
    const w = world({});
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "how does interest work");
    expect(reply.text).not.toContain("Lesson");
    expect(reply.choices.length).toBeGreaterThan(0);
  });
});

describe("each lesson's numbers against core", () => {
  it("Should fill every lesson with the loan's own figures as core computes them, in both languages", async () => {
    for (const [locale, currency] of [
      ["en", "USD"],
      ["zh-CN", "CNY"],
    ] as const) {
      const w = world({ course });
      const { borrower, loan } = await givenLateBorrower(w.store, { locale }, currency);
      const txs = (await w.store.transactions.forLoan(loan.id)).map((r) => r.transaction);
      const today = "2026-04-01";
      const state = loanStateAsOf(loan, txs, today);
      const amount = (m: Parameters<typeof formatAmount>[0]) => formatAmount(m, locale);
      const open = state.installments.find(
        (i) => i.status !== "paid" && i.status !== "rescheduled",
      );
      if (!open) throw new Error("the late loan has an open installment");
      const [feeRule] = loanDisclosureLines(loanDisclosure(loan, txs, state), {
        templates: course[locale].disclosure,
        locale,
        today,
      });
      const expected: Record<string, string[]> = {
        balance: [
          amount(state.outstanding.total),
          amount(state.outstanding.principal),
          amount(state.outstanding.interest),
          amount(add(state.outstanding.fees, state.outstanding.penalties)),
        ],
        interest: [
          amount(open.due.interest),
          amount(open.due.principal),
          amount(add(open.due.principal, open.due.interest)),
          formatPercent(loan.terms.annualRate, locale),
        ],
        fees: [feeRule as string],
        plans: [
          amount(add(open.due.principal, open.due.interest)),
          formatPercent(loan.terms.annualRate, locale),
        ],
        budget: [
          amount(add(open.due.principal, open.due.interest)),
          formatDay(open.dueDate, locale, today),
        ],
        rights: ["Acme Credit"],
      };
      for (const id of LESSON_IDS) {
        const command = locale === "zh-CN" ? "/学习" : "/learn";
        const reply = await says(w, borrower.id, `${command} ${id}`);
        for (const figure of expected[id] ?? []) {
          expect(reply.text, `${locale} ${id}`).toContain(figure);
        }
      }
    }
  });
});
