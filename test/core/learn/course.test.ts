// The short course: reachable by /learn and by questions, built on the borrower's own figures, progress kept.
import { describe, expect, it } from "vitest";
import { lessonsTaken } from "../../../core/assistant/index.ts";
import { placeholdersOf } from "../../../core/format/index.ts";
import { LESSON_IDS, LESSON_VARIABLES, learnRequest } from "../../../core/learn/index.ts";
import { course } from "../../../prompts/index.ts";
import { actionStarting, givenLateBorrower, says, taps, world } from "../assistant/builders.ts";

describe("learnRequest", () => {
  it("Should read /learn, a named lesson and the questions lessons answer, in both languages", () => {
    expect(learnRequest("/learn")).toEqual({});
    expect(learnRequest("/learn fees")).toEqual({ lesson: "fees" });
    expect(learnRequest("How does interest work?")).toEqual({ lesson: "interest" });
    expect(learnRequest("what happens if I miss a payment")).toEqual({ lesson: "fees" });
    expect(learnRequest("为什么有滞纳金")).toEqual({ lesson: "fees" });
    expect(learnRequest("how much do I owe")).toBeUndefined();
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
});
