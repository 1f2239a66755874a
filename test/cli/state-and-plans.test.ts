// `repay state` and `repay plans`: a loan paid late with a late fee, its plans, and an accepted plan.
import { describe, expect, test } from "vitest";
import { loanJson, paymentJson, usdTerms } from "../helpers/builders.ts";
import { type AcceptOutput, type PlansOutput, type StateOutput, totalOf } from "./cli-output.ts";
import { repayJson } from "./run-repay.ts";

/**
 * 1200.00 USD, 12 x 107.18 from 2026-02-15, late fee 15.00 after 3 grace days. The first
 * installment is paid ten days late (2026-02-25): its 15.00 late fee is assessed on 02-19 and
 * takes the first 15.00 of the payment, so 15.00 of its principal stays open. Nothing else is
 * paid by 2026-04-01, and installment 2 picks up its own 15.00 late fee on 03-19.
 */
const lateLoan = loanJson({
  lateFee: { flat: "15.00", graceDays: 3 },
  transactions: [paymentJson("2026-02-25", "107.18")],
  asOf: "2026-04-01",
});

/** `repay plans` on the late loan, run once and shared by the tests that read it. */
let lateLoanPlansRun: Promise<PlansOutput> | undefined;
const lateLoanPlans = () => {
  lateLoanPlansRun ??= repayJson<PlansOutput>(["plans"], lateLoan);
  return lateLoanPlansRun;
};

describe("repay state", () => {
  test("Should show what is owed and overdue on a loan paid late with a late fee", async () => {
    const state = await repayJson<StateOutput>(["state"], lateLoan);

    expect(state).toMatchObject({ asOf: "2026-04-01", currency: "USD", paidOff: false });
    // 1200.00 less the 79.19 of principal the late payment covered.
    expect(state.outstanding.principal).toBe("1120.81");
    expect(state.outstanding.penalties).toBe("15.00");
    // Installment 1's unpaid 15.00 principal plus all of installment 2 (107.18 + 15.00 fee).
    expect(state.overdue).toEqual({
      principal: "110.21",
      interest: "11.97",
      fees: "0.00",
      penalties: "15.00",
      total: "137.18",
    });
    // Installment 1 has been short since its due date: 2026-02-15 to 2026-04-01.
    expect(state.daysPastDue).toBe(45);
    expect(state.bucket).toBe("31-60");
    expect(state.nextDue).toEqual({ date: "2026-04-15", amount: "107.18", n: 3 });
    // Principal 1120.81 + overdue interest 11.97 + penalties 15.00 + 17/31 of installment 3's
    // 10.94 interest accrued since 2026-03-15 (6.00).
    expect(state.payoff).toBe("1153.78");

    expect(state.installments).toHaveLength(12);
    expect(state.installments.map((i) => i.status)).toEqual([
      "overdue",
      "overdue",
      ...Array(10).fill("future"),
    ]);
    const [first] = state.installments;
    expect(first?.paid).toEqual({
      principal: "79.19",
      interest: "12.99",
      fees: "0.00",
      penalties: "15.00",
      total: "107.18",
    });
    expect(first?.outstanding.total).toBe("15.00");
  });
});

describe("repay plans", () => {
  test("Should offer plans whose schedules each repay the outstanding principal", async () => {
    const plans = await lateLoanPlans();

    expect(plans.options.map((o) => o.kind)).toContain("extended");
    for (const option of plans.options) {
      expect(option.count).toBe(option.schedule.length);
      expect(option.firstDueDate).toBe(option.schedule[0]?.dueDate);
      expect(option.lastDueDate).toBe(option.schedule.at(-1)?.dueDate);
      expect(option.firstDueDate > "2026-04-01").toBe(true);
      expect(
        totalOf(
          option.schedule.map((i) => i.principal),
          "USD",
        ),
      ).toBe("1120.81");
      expect(
        totalOf(
          option.schedule.map((i) => i.total),
          "USD",
        ),
      ).toBe(option.totalPayable);
    }
    for (const refusal of plans.notOffered) expect(refusal.reason).not.toBe("");
  });

  test("Should turn an accepted extended plan into a reschedule that `repay state` applies", async () => {
    const [plans, accepted] = await Promise.all([
      lateLoanPlans(),
      repayJson<AcceptOutput>(["plans", "--accept", "extended"], lateLoan),
    ]);
    const extended = plans.options.find((o) => o.kind === "extended");
    const { transaction } = accepted;
    expect(transaction).toMatchObject({ type: "reschedule", date: "2026-04-01", plan: "extended" });
    expect(transaction.installments).toEqual(extended?.schedule);

    const after = await repayJson<StateOutput>(["state"], {
      ...lateLoan,
      transactions: [...lateLoan.transactions, transaction],
    });
    const replaced = after.installments.filter((i) => i.n <= 12);
    const added = after.installments.filter((i) => i.n > 12);
    expect(replaced.every((i) => i.status === "rescheduled")).toBe(true);
    expect(added).toHaveLength(transaction.installments.length);
    expect(added.map((i) => i.dueDate)).toEqual(transaction.installments.map((i) => i.dueDate));
    expect(added.every((i) => i.status === "future")).toBe(true);
    expect(after.outstanding.principal).toBe("1120.81");
    expect(after.overdue.total).toBe("0.00");
    expect(after.daysPastDue).toBe(0);
    expect(after.bucket).toBe("current");
    expect(after.nextDue).toEqual({
      date: transaction.installments[0]?.dueDate,
      amount: transaction.installments[0]?.total,
      n: 13,
    });
  });

  test("Should keep the payoff at 1131.40 on the day an extended plan is accepted (issue example)", async () => {
    const loan = loanJson({
      terms: usdTerms({ annualRate: "0.12" }),
      transactions: [paymentJson("2026-02-15", "106.62")],
      asOf: "2026-05-01",
    });
    const [before, accepted] = await Promise.all([
      repayJson<StateOutput>(["state"], loan),
      repayJson<AcceptOutput>(["plans", "--accept", "extended"], loan),
    ]);
    expect(before.payoff).toBe("1131.40");
    const after = await repayJson<StateOutput>(["state"], {
      ...loan,
      transactions: [...loan.transactions, accepted.transaction],
    });
    expect(after.payoff).toBe("1131.40");
    expect(after.outstanding.principal).toBe(before.outstanding.principal);
  });
});
