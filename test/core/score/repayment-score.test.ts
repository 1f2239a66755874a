// The repayment-behaviour score: the whole history (plans included), promises, each factor with its reason.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../core/dates/iso-date.ts";
import { loanStateAsOf } from "../../../core/ledger/index.ts";
import type { Loan } from "../../../core/ledger/loan.ts";
import type { Transaction } from "../../../core/ledger/transaction.ts";
import { money } from "../../../core/money/index.ts";
import { acceptPlan } from "../../../core/plans/accept-plan.ts";
import { planOptions } from "../../../core/plans/plan-options.ts";
import { repaymentScore } from "../../../core/score/index.ts";
import {
  loanArbitrary,
  loanOf,
  payEveryInstallmentOnTime,
  payment,
  paymentsArbitrary,
} from "../../helpers/loans.ts";

describe("repaymentScore", () => {
  it("Should give 100 to a borrower who paid every installment on its due date", () => {
    const loan = loanOf();
    const state = loanStateAsOf(loan, payEveryInstallmentOnTime(loan).slice(0, 3), "2026-05-01");
    const score = repaymentScore({
      asOf: "2026-05-01",
      installments: state.installments,
      promises: [],
    });
    expect(score.score).toBe(100);
    expect(score.reasons[0]).toBe("3 of 3 installments paid on time (100%)");
  });

  it("Should lower the score for missed installments, long delinquency and broken promises, saying why", () => {
    const loan = loanOf();
    const state = loanStateAsOf(loan, [payment("2026-03-01", money(10_000n, "USD"))], "2026-04-01");
    const score = repaymentScore({
      asOf: "2026-04-01",
      installments: state.installments,
      promises: [{ status: "kept" }, { status: "broken" }, { status: "broken" }],
    });
    expect(score.onTimeRatio).toBe(0);
    expect(score.longestDelinquencyDays).toBe(45);
    expect(score.grade).toBe("poor");
    expect(score.reasons).toEqual([
      "0 of 2 installments paid on time (0%)",
      "longest delinquency 45 days",
      "promises: 1 kept, 2 broken",
    ]);
    // Points table: 0% on time 0, 31-60 days late 6, a third of promises kept ("some") 4.
    expect(score.factors.map((f) => [f.band, f.points])).toEqual([
      ["none", 0],
      ["31-60 days", 6],
      ["some", 4],
    ]);
    expect(score.score).toBe(10);
    expect(score.factors.map((f) => f.reasonIn["zh-CN"])).toEqual([
      "2期中按时还款0期（0%）",
      "最长逾期45天",
      "还款承诺：兑现1次，未兑现2次",
    ]);
  });
});

describe("repaymentScore across a plan", () => {
  // Paid the first installment, then nothing: 120 days past due on 2026-06-15.
  const loan = loanOf();
  const paid: Transaction[] = [payment("2026-02-15", money(107_18n, "USD"))];
  const asOf = "2026-07-13";

  it("Should keep a borrower 120 days late who accepts a plan far from 100 'never past due'", () => {
    const before = repaymentScore({
      asOf,
      installments: loanStateAsOf(loan, paid, asOf).installments,
      promises: [],
    });
    for (const option of planOptions(loan, paid, asOf).options) {
      const accepted = [...paid, acceptPlan(option, asOf)];
      const after = repaymentScore({
        asOf: addDays(asOf, 1),
        installments: loanStateAsOf(loan, accepted, addDays(asOf, 1)).installments,
        promises: [],
      });
      expect(after.longestDelinquencyDays).toBe(120);
      expect(after.reasons[1]).toBe("longest delinquency 120 days");
      expect(after.reasons[0]).toBe(
        "1 of 5 installments paid on time (20%), 4 of them overdue when a plan replaced them",
      );
      expect(after.rescheduledPastDue).toBe(4);
      expect(after.score).toBe(before.score);
      expect(after.score < 50).toBe(true);
    }
  });

  it("Should list its factors with points out of their weights", () => {
    const score = repaymentScore({
      asOf,
      installments: loanStateAsOf(loan, paid, asOf).installments,
      promises: [{ status: "kept" }, { status: "broken" }, { status: "open" }],
    });
    expect(score.factors.map((f) => [f.code, f.maxPoints])).toEqual([
      ["ON_TIME", 60],
      ["DELINQUENCY", 25],
      ["PROMISES", 15],
    ]);
    expect(score.factors[2]?.points).toBe(8);
    expect(score.score).toBe(score.factors.reduce((a, f) => a + f.points, 0));
  });
});

describe("repaymentScore properties", () => {
  const scenario = loanArbitrary.chain((l) =>
    fc.record({
      loan: fc.constant(l),
      payments: paymentsArbitrary(l),
      pick: fc.nat(),
      delay: fc.integer({ min: 1, max: 120 }),
      day: fc.integer({ min: 0, max: 900 }),
    }),
  );
  const scoreOf = (l: Loan, txs: Transaction[], asOf: string) =>
    repaymentScore({ asOf, installments: loanStateAsOf(l, txs, asOf).installments, promises: [] });

  it("paying later never raises the score", () => {
    fc.assert(
      fc.property(scenario, ({ loan: l, payments, pick, delay, day }) => {
        fc.pre(payments.length > 0);
        const asOf = addDays(l.terms.disbursedOn, day);
        const i = pick % payments.length;
        const moved = payments[i]!;
        const later = payments.map((p, k) =>
          k === i ? { ...moved, date: addDays(moved.date, delay) } : p,
        );
        const onTime = scoreOf(l, payments, asOf);
        const late = scoreOf(l, later, asOf);
        expect(late.score <= onTime.score).toBe(true);
        expect(late.longestDelinquencyDays >= onTime.longestDelinquencyDays).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("a kept promise never lowers the score", () => {
    const statuses = fc.array(fc.constantFrom("kept", "broken", "open"), { maxLength: 12 });
    fc.assert(
      fc.property(scenario, statuses, ({ loan: l, payments, day }, promises) => {
        const asOf = addDays(l.terms.disbursedOn, day);
        const installments = loanStateAsOf(l, payments, asOf).installments;
        const before = repaymentScore({
          asOf,
          installments,
          promises: promises.map((status) => ({ status })),
        });
        const after = repaymentScore({
          asOf,
          installments,
          promises: [...promises, "kept"].map((status) => ({ status })),
        });
        expect(after.score >= before.score).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("a plan never erases past lateness: the score on the day is unchanged, and no late installment turns on time", () => {
    fc.assert(
      fc.property(scenario, ({ loan: l, payments: all, day, delay }) => {
        const when = addDays(l.terms.disbursedOn, day);
        // nothing paid after the plan: whatever the score does later comes from the past alone
        const payments = all.filter((p) => p.date <= when);
        const before = scoreOf(l, payments, when);
        for (const option of planOptions(l, payments, when).options) {
          const accepted = [...payments, acceptPlan(option, when)];
          const onTheDay = scoreOf(l, accepted, when);
          expect(onTheDay.score).toBe(before.score);
          expect(onTheDay.longestDelinquencyDays).toBe(before.longestDelinquencyDays);
          const later = scoreOf(l, accepted, addDays(when, delay));
          expect(later.longestDelinquencyDays >= before.longestDelinquencyDays).toBe(true);
          // A later installment may be on time (paid ahead, or smaller under the plan), but an
          // installment that was late stays late.
          expect(later.lateInstallments).toBeGreaterThanOrEqual(before.lateInstallments);
        }
      }),
      { numRuns: 150 },
    );
  });
});
