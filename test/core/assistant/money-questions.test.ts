// Balance, next payment and payoff: exact figures from loan state, in the borrower's language.
import { describe, expect, it } from "vitest";
import { parseMoney } from "../../../core/money/decimal.ts";
import { givenBorrower } from "../../helpers/builders.ts";
import { payment, termsOf } from "../../helpers/loans.ts";
import {
  AT,
  givenLateBorrower,
  givenLateLoan,
  LENDER,
  says,
  taps,
  usd,
  world,
} from "./builders.ts";

describe("balance", () => {
  it("gives the total, the overdue part by component, days past due and what is next", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "how much do I owe?");
    expect(reply.text).toBe(
      [
        "Your balance is $1,276.82.",
        "$205.08 of that is overdue (45 days past due).",
        "Overdue: $172.75 principal, $11.97 interest, $0.00 fees, $20.36 late fees.",
        "Your next payment of $107.18 is due on Wednesday, April 15.",
      ].join("\n"),
    );
    expect(reply.handoff).toBe(false);
    expect(reply.choices.map((c) => c.action)).toEqual([
      "promise_to_pay",
      "plan_request",
      "human_agent",
    ]);
  });

  it("thanks a borrower who is up to date instead of naming arrears", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await givenLateLoan(w.store, borrower.id, { payments: [] });
    const reply = await says(w, borrower.id, "balance", "2026-02-01T15:00:00Z");
    // 11 × 107.18 + a last installment of 107.12 that absorbs the rounding
    expect(reply.text).toContain("Your balance is $1,286.10.");
    expect(reply.text).toContain("Nothing is overdue.");
    expect(reply.text).toContain("due on Sunday, February 15.");
    expect(reply.text).not.toContain("overdue (");
  });

  it("says one day past due in words", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await givenLateLoan(w.store, borrower.id, { payments: [] });
    const reply = await says(w, borrower.id, "balance", "2026-02-16T15:00:00Z");
    expect(reply.text).toContain("(one day past due)");
  });

  it("answers a Chinese borrower in Chinese with yuan", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(
      w.store,
      { name: "陈美", locale: "zh-CN", timeZone: "Asia/Shanghai" },
      "CNY",
    );
    const reply = await says(w, borrower.id, "我欠多少钱？");
    expect(reply.text).toBe(
      [
        "您的贷款余额为¥1,276.82。",
        "其中¥205.08已逾期（逾期45天）。",
        "逾期部分：本金¥172.75，利息¥11.97，费用¥0.00，滞纳金¥20.36。",
        "您的下一期还款为¥107.18，到期日为4月15日 星期三。",
      ].join("\n"),
    );
    expect(reply.choices.map((c) => c.label)).toEqual(["我会在…还款", "还款计划", "转人工"]);
  });

  it("heads each loan with its reference when there are several", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await givenLateLoan(w.store, borrower.id, { ref: "CAR-A" });
    await givenLateLoan(w.store, borrower.id, { ref: "HOME-B", payments: [] });
    const reply = await says(w, borrower.id, "how much do I owe");
    const lines = reply.text.split("\n");
    expect(lines[0]).toBe("Loan CAR-A:");
    expect(lines).toContain("Loan HOME-B:");
    expect(reply.text).toContain("$205.08 of that is overdue");
  });

  it("skips loans that are paid off or written off", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    const closed = await givenLateLoan(w.store, borrower.id, { ref: "OLD" });
    await w.store.loans.setStatus(closed.id, "paid_off");
    await givenLateLoan(w.store, borrower.id, { ref: "NEW" });
    const reply = await says(w, borrower.id, "balance");
    expect(reply.text).not.toContain("Loan OLD");
    expect(reply.text.startsWith("Your balance is")).toBe(true);
  });

  it("mentions a credit left by paying more than was owed", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await givenLateLoan(w.store, borrower.id, {
      payments: [payment("2026-02-01", usd("1300.00"))],
    });
    const reply = await says(w, borrower.id, "balance", "2026-02-02T15:00:00Z");
    expect(reply.text).toContain("Your balance is $0.00.");
    expect(reply.text).toMatch(
      /You also have a credit of \$\d+\.\d\d from payments beyond what was due\./,
    );
  });

  it("offers a payment link for the overdue amount when the lender has one", async () => {
    const w = world({
      payLink: ({ borrowerRef, loanRef, amount, currency }) =>
        `https://pay.example/${borrowerRef}/${loanRef}?amount=${amount}&currency=${currency}`,
    });
    const { borrower, loan } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "balance");
    expect(reply.text).toContain(
      `You can pay here: https://pay.example/${borrower.externalRef}/${loan.externalRef}?amount=205.08&currency=USD`,
    );
  });
});

describe("next payment", () => {
  it("names the next installment and reminds of arrears", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "when is my next payment?");
    expect(reply.text).toBe(
      [
        "Your next payment of $107.18 is due on Wednesday, April 15.",
        "There's also $205.08 overdue from earlier payments.",
      ].join("\n"),
    );
  });

  it("answers a tapped Next payment the same way", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await taps(w, borrower.id, "next_payment");
    expect(reply.text.split("\n")[0]).toBe(
      "Your next payment of $107.18 is due on Wednesday, April 15.",
    );
  });

  it("says so when no payments remain on the schedule", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    const terms = termsOf({ termCount: 1 });
    await w.store.loans.upsert({ externalRef: "ONE", borrowerId: borrower.id, terms });
    const reply = await says(w, borrower.id, "next payment", "2026-03-01T15:00:00Z");
    expect(reply.text).toContain("There are no more payments scheduled.");
    expect(reply.text).toContain("overdue");
  });
});

describe("payoff quote", () => {
  it("quotes today's payoff, valid until the end of the borrower's today", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "what's my payoff amount?");
    expect(reply.text).toBe(
      "To pay off your loan in full, the amount is $1,221.68. This quote is valid until the end of Wednesday, April 1 (your local time).",
    );
  });

  it("uses the borrower's own date: 22:00 UTC on April 1 is already April 2 in Shanghai", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(
      w.store,
      { locale: "zh-CN", timeZone: "Asia/Shanghai" },
      "CNY",
    );
    const reply = await says(w, borrower.id, "提前还清要多少钱", "2026-04-01T22:00:00Z");
    expect(reply.text).toContain("有效期至4月2日 星期四当天结束");
  });
});

describe("a borrower without an active loan", () => {
  it.each(["balance", "next payment", "payoff", "I can't pay this month", "I'll pay friday"])(
    "gets a clear answer to %j and a way to a person",
    async (text) => {
      const w = world();
      const borrower = await givenBorrower(w.store);
      const reply = await says(w, borrower.id, text);
      expect(reply.text).toBe(
        `I can't find an active loan with ${LENDER} for you. If that doesn't look right, a person from our team can check.`,
      );
      expect(reply.choices.map((c) => c.action)).toContain("human_agent");
    },
  );
});

describe("amounts in other currencies", () => {
  it("formats a CNY loan for an English reader with the yuan code", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await w.store.loans.upsert({
      externalRef: "CNY-1",
      borrowerId: borrower.id,
      terms: termsOf({ principal: parseMoney("1200.00", "CNY") }),
    });
    const reply = await says(w, borrower.id, "balance", AT);
    expect(reply.text).toContain("CN¥");
  });

  it("states a one-cent shortfall exactly (inside the grace days, before any late fee)", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await givenLateLoan(w.store, borrower.id, {
      payments: [payment("2026-02-15", usd("107.18")), payment("2026-03-15", usd("107.17"))],
    });
    const reply = await says(w, borrower.id, "balance", "2026-03-17T15:00:00Z");
    expect(reply.text).toContain("$0.01 of that is overdue (2 days past due).");
  });
});
