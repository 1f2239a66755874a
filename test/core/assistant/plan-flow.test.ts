// The plan flow through buttons: offer, pick, confirm; accepted once, never on stale numbers.
import { describe, expect, it } from "vitest";
import { loanStateAsOf } from "../../../core/ledger/loan-state-as-of.ts";
import { formatMoney } from "../../../core/money/decimal.ts";
import { givenBorrower } from "../../helpers/builders.ts";
import { payment } from "../../helpers/loans.ts";
import {
  AT,
  actionStarting,
  givenLateBorrower,
  givenLateLoan,
  says,
  taps,
  usd,
  type World,
  world,
} from "./builders.ts";

async function stateOf(w: World, loanId: string, asOf = "2026-04-01") {
  const loan = (await w.store.loans.byId(loanId))!;
  const transactions = (await w.store.transactions.forLoan(loanId)).map((r) => r.transaction);
  return loanStateAsOf(loan, transactions, asOf);
}

describe("asking for a plan", () => {
  it("offers each option with its installments, dates, total and extra cost", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "I can't pay this month");
    const lines = reply.text.split("\n");
    expect(lines[0]).toBe("Here are the plans I can offer:");
    expect(lines[1]).toBe(
      "• Catch-up plan: spreads what's overdue over your next payments. 10 payments from Wednesday, April 15 to Friday, January 15, 2027: 3 × $175.53 to $175.55, then 7 × $107.12 to $107.18. Total $1,276.82 (no extra cost). Interest: 12.99% a year. If a plan payment is missed: the payment due on Wednesday, April 15, still unpaid on Sunday, April 19, would add a late fee of $19.28.",
    );
    expect(lines[2]).toMatch(
      /^• Longer term: .* 20 payments from Wednesday, April 15 to .*\(\$75\.54 more than your current schedule\)\. Interest: 12\.99% a year\. /,
    );
    expect(lines[3]).toMatch(/^• Hardship plan: .* 13 payments from .*: 3 × \$53\.59, then 10 × /);
    const plans = await w.store.plans.forLoan(loan.id);
    expect(plans.map((p) => p.status)).toEqual(["proposed", "proposed", "proposed"]);
    expect(reply.choices.map((c) => c.label)).toEqual([
      "Choose: Catch-up plan",
      "Choose: Longer term",
      "Choose: Hardship plan",
      "Talk to a person",
    ]);
    for (const plan of plans)
      expect(reply.choices.map((c) => c.action)).toContain(`plan:pick:${plan.id}`);
  });

  it("keeps installments within what the borrower says they can afford", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "I can only pay 80 a month");
    expect(reply.text.split("\n")[0]).toBe(
      "Here are the plans I can offer with payments of $80.00 or less where possible:",
    );
    expect(reply.text).not.toContain("Catch-up plan");
    expect(reply.text).toContain("17 payments");
  });

  it("offers only what fits a very small affordable amount: the hardship plan", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "I can only pay 1 dollar a month");
    expect(reply.text).toContain("• Hardship plan:");
    expect(reply.text).toContain("3 × $1.00, then");
    expect(reply.text).not.toContain("Catch-up plan");
    expect(reply.text).not.toContain("Longer term");
  });

  it("says no plan is needed when nothing is left to restructure", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await givenLateLoan(w.store, borrower.id, {
      payments: [payment("2026-02-01", usd("1300.00"))],
    });
    const reply = await says(w, borrower.id, "payment plan", "2026-02-02T15:00:00Z");
    expect(reply.text).toBe(
      "Good news: your loan is up to date, so you don't need a plan right now. If things get harder, just ask.",
    );
    expect(reply.choices.map((c) => c.action)).toContain("human_agent");
  });

  it("picks the most delinquent loan", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await givenLateLoan(w.store, borrower.id, {
      ref: "A-CURRENT",
      payments: [payment("2026-02-15", usd("107.18")), payment("2026-03-15", usd("107.18"))],
    });
    const late = await givenLateLoan(w.store, borrower.id, { ref: "B-LATE" });
    await says(w, borrower.id, "payment plan");
    expect((await w.store.plans.forLoan(late.id)).length).toBe(3);
  });

  it("answers in Chinese for a Chinese borrower", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(
      w.store,
      { locale: "zh-CN", timeZone: "Asia/Shanghai" },
      "CNY",
    );
    const reply = await says(w, borrower.id, "我这个月还不上");
    expect(reply.text.split("\n")[1]).toBe(
      "• 补缴计划：把逾期金额分摊到接下来的几期还款中。共10期，从4月15日 星期三到2027年1月15日 星期五：3期 × ¥175.53至¥175.55，之后7期 × ¥107.12至¥107.18。共计¥1,276.82（不产生额外费用）。利率：年利率12.99%。如果错过计划内的还款：4月15日 星期三到期的还款在4月19日 星期日仍未还清，将加收滞纳金¥19.28。",
    );
    expect(reply.choices[0]?.label).toBe("选择：补缴计划");
  });
});

describe("picking and confirming a plan", () => {
  it("shows the plan again, then on confirm records the new schedule and audits it", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const offer = await says(w, borrower.id, "I can't pay this month");
    const picked = await taps(w, borrower.id, actionStarting(offer, "plan:pick:"));
    expect(picked.text).toMatch(
      /^Catch-up plan: .* Total \$1,276\.82 \(no extra cost\)\. Interest: 12\.99% a year\. .* a late fee of \$19\.28\. Shall I set it up\?$/,
    );
    expect(picked.choices.map((c) => c.label)).toEqual(["Yes, set it up", "Not now"]);

    const confirmed = await taps(w, borrower.id, actionStarting(picked, "plan:confirm:"));
    expect(confirmed.text).toBe(
      "Your plan is in place. Your first payment under it is $175.55, due on Wednesday, April 15. Thank you for working this out with us.",
    );

    const planId = actionStarting(picked, "plan:confirm:").slice("plan:confirm:".length);
    expect((await w.store.plans.byId(planId))?.status).toBe("accepted");
    const state = await stateOf(w, loan.id);
    expect(state.overdue.total.minor).toBe(0n);
    expect(state.daysPastDue).toBe(0);
    expect(state.nextDue?.date).toBe("2026-04-15");
    expect(formatMoney(state.nextDue!.amount)).toBe("175.55");
    // every original installment was open (the first only part-paid), so all twelve are replaced
    expect(state.installments.filter((i) => i.status === "rescheduled").length).toBe(12);
    const [audit] = await w.store.audit.forSubject(`loan:${loan.id}`, 10);
    expect(audit).toMatchObject({
      actor: "assistant",
      action: "plan.accepted",
      payload: {
        planId,
        kind: "catch-up",
        firstDueDate: "2026-04-15",
        installmentAmount: "175.55",
      },
    });
  });

  it("records the plan once when confirm is tapped twice", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const offer = await says(w, borrower.id, "payment plan");
    const picked = await taps(w, borrower.id, actionStarting(offer, "plan:pick:", 1));
    const confirm = actionStarting(picked, "plan:confirm:");
    const [first, second] = await Promise.all([
      taps(w, borrower.id, confirm),
      taps(w, borrower.id, confirm),
    ]);
    const third = await taps(w, borrower.id, confirm);
    const reschedules = (await w.store.transactions.forLoan(loan.id)).filter(
      (r) => r.transaction.type === "reschedule",
    );
    expect(reschedules.length).toBe(1);
    const texts = [first.text, second.text, third.text];
    expect(texts.filter((t) => t.startsWith("Your plan is in place.")).length).toBe(1);
    expect(texts.filter((t) => t.startsWith("You already have a payment plan")).length).toBe(2);
    const audits = (await w.store.audit.forSubject(`loan:${loan.id}`, 10)).filter(
      (a) => a.action === "plan.accepted",
    );
    expect(audits.length).toBe(1);
  });

  it("does not accept a second option once another is in place", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const offer = await says(w, borrower.id, "payment plan");
    const catchUp = await taps(w, borrower.id, actionStarting(offer, "plan:pick:", 0));
    const extended = await taps(w, borrower.id, actionStarting(offer, "plan:pick:", 1));
    await taps(w, borrower.id, actionStarting(catchUp, "plan:confirm:"));
    const again = await taps(w, borrower.id, actionStarting(extended, "plan:confirm:"));
    expect(again.text).toContain("You already have a payment plan in place");
    const reschedules = (await w.store.transactions.forLoan(loan.id)).filter(
      (r) => r.transaction.type === "reschedule",
    );
    expect(reschedules.length).toBe(1);
  });

  it("recomputes instead of accepting yesterday's numbers", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const offer = await says(w, borrower.id, "payment plan");
    const picked = await taps(w, borrower.id, actionStarting(offer, "plan:pick:"));
    const nextDay = "2026-04-02T14:00:00.000Z";
    const reply = await taps(w, borrower.id, actionStarting(picked, "plan:confirm:"), nextDay);
    expect(reply.text.split("\n")[0]).toBe(
      "Your balance has changed since I worked out those plans, so here are updated ones.",
    );
    expect(reply.choices.some((c) => c.action.startsWith("plan:pick:"))).toBe(true);
    expect(
      (await w.store.transactions.forLoan(loan.id)).some(
        (r) => r.transaction.type === "reschedule",
      ),
    ).toBe(false);
    const plans = await w.store.plans.forLoan(loan.id);
    expect(plans.filter((p) => p.status === "accepted")).toEqual([]);
    expect(plans.length).toBe(6);
  });

  it("recomputes when a payment arrived the same day after the plans were offered", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const offer = await says(w, borrower.id, "payment plan");
    await w.store.transactions.record(loan.id, "late-payment", payment("2026-04-01", usd("20.00")));
    const reply = await taps(w, borrower.id, actionStarting(offer, "plan:pick:"));
    expect(reply.text.split("\n")[0]).toContain("Your balance has changed");
    expect(reply.text).toContain("$1,256.82");
  });

  it("changes nothing on Not now", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const offer = await says(w, borrower.id, "payment plan");
    await taps(w, borrower.id, actionStarting(offer, "plan:pick:"));
    const reply = await taps(w, borrower.id, "plan:cancel");
    expect(reply.text).toBe(
      "No problem, nothing has changed. You can come back to a plan whenever you like.",
    );
    expect(reply.choices.length).toBeGreaterThan(0);
    expect((await w.store.plans.forLoan(loan.id)).every((p) => p.status === "proposed")).toBe(true);
  });

  it("refuses a plan that belongs to someone else or does not exist", async () => {
    const w = world();
    const { borrower: owner } = await givenLateBorrower(w.store);
    const { borrower: other, loan: otherLoan } = await givenLateBorrower(w.store);
    const offer = await says(w, owner.id, "payment plan");
    const pick = actionStarting(offer, "plan:pick:");
    const planId = pick.slice("plan:pick:".length);
    for (const action of [pick, `plan:confirm:${planId}`, "plan:confirm:nope"]) {
      const reply = await taps(w, other.id, action);
      expect(reply.text.split("\n")[0]).toBe(
        "That option isn't available any more. Here's what I can help with:",
      );
    }
    expect((await w.store.plans.byId(planId))?.status).toBe("proposed");
    expect((await w.store.transactions.forLoan(otherLoan.id)).length).toBe(1);
  });

  it("tells an up-to-date borrower a plan is optional, or offers a lower payment", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await givenLateLoan(w.store, borrower.id, { payments: [] });
    const reply = await says(w, borrower.id, "payment plan", "2026-02-01T15:00:00Z");
    expect(reply.text).not.toContain("Catch-up plan");
    expect(reply.choices.length).toBeGreaterThan(0);
  });
});

it("keeps the plan's numbers the same across the JSON round-trip of the store", async () => {
  const w = world();
  const { borrower, loan } = await givenLateBorrower(w.store);
  await says(w, borrower.id, "payment plan", AT);
  const [plan] = await w.store.plans.forLoan(loan.id);
  expect(typeof plan?.option.totalPayable.minor).toBe("bigint");
});
