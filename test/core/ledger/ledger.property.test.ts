// Properties of the ledger over random loans and payments: money is conserved and never negative.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../core/dates/iso-date.ts";
import { costCeiling } from "../../../core/fees/cost-ceiling.ts";
import { loanStateAsOf } from "../../../core/ledger/loan-state-as-of.ts";
import type { Transaction } from "../../../core/ledger/transaction.ts";
import {
  loanArbitrary,
  payEveryInstallmentOnTime,
  paymentsArbitrary,
} from "../../helpers/loans.ts";

const loanWithPayments = loanArbitrary.chain((loan) =>
  paymentsArbitrary(loan).map((payments) => ({ loan, payments })),
);

function lastDueDate(loan: { schedule: readonly { dueDate: string }[] }): string {
  return loan.schedule.at(-1)?.dueDate ?? "2030-01-01";
}

function paidSum(transactions: readonly Transaction[]): bigint {
  return transactions.reduce((acc, t) => acc + (t.type === "payment" ? t.amount.minor : 0n), 0n);
}

describe("ledger properties", () => {
  it("conserves money: what was paid equals what was allocated plus credit", () => {
    fc.assert(
      fc.property(loanWithPayments, ({ loan, payments }) => {
        const asOf = addDays(lastDueDate(loan), 90);
        const state = loanStateAsOf(loan, payments, asOf);
        const allocated = state.installments.reduce((acc, i) => acc + i.paid.total.minor, 0n);
        expect(allocated + state.credit.minor).toBe(paidSum(payments));
      }),
      { numRuns: 300 },
    );
  });

  it("never shows a negative component, and outstanding = due − paid", () => {
    fc.assert(
      fc.property(
        loanWithPayments,
        fc.integer({ min: -30, max: 800 }),
        ({ loan, payments }, day) => {
          const state = loanStateAsOf(loan, payments, addDays(loan.terms.disbursedOn, day));
          for (const i of state.installments) {
            for (const part of ["principal", "interest", "fees", "penalties", "total"] as const) {
              expect(i.outstanding[part].minor >= 0n).toBe(true);
              expect(i.paid[part].minor >= 0n).toBe(true);
              expect(i.due[part].minor - i.paid[part].minor).toBe(i.outstanding[part].minor);
            }
          }
          expect(state.payoff.minor >= 0n).toBe(true);
          expect(state.payoff.minor <= state.outstanding.total.minor).toBe(true);
          expect(state.daysPastDue >= 0).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a loan paid on time, every time, is fully paid with zero days past due", () => {
    fc.assert(
      fc.property(loanArbitrary, (loan) => {
        const state = loanStateAsOf(
          loan,
          payEveryInstallmentOnTime(loan),
          addDays(lastDueDate(loan), 1),
        );
        expect(state.paidOff).toBe(true);
        expect(state.daysPastDue).toBe(0);
        expect(state.outstanding.penalties.minor).toBe(0n);
        expect(state.credit.minor).toBe(0n);
      }),
      { numRuns: 200 },
    );
  });

  it("late fees stay within the per-loan cap and all-in cost within the rate cap", () => {
    fc.assert(
      fc.property(loanWithPayments, ({ loan, payments }) => {
        const state = loanStateAsOf(loan, payments, addDays(lastDueDate(loan), 400));
        const penalties = state.installments.reduce((acc, i) => acc + i.due.penalties.minor, 0n);
        if (loan.lateFee?.cap) expect(penalties <= loan.lateFee.cap.minor).toBe(true);
        if (loan.rateCap) {
          const interest = loan.schedule.reduce((acc, i) => acc + i.interest.minor, 0n);
          const periods = loan.schedule.map((i, k) => ({
            start: k === 0 ? loan.terms.disbursedOn : (loan.schedule[k - 1]?.dueDate ?? ""),
            end: i.dueDate,
            principalRepaid: i.principal.minor,
          }));
          const ceiling = costCeiling(
            loan.terms.principal.minor,
            periods,
            loan.rateCap,
            loan.terms.dayCount,
            loan.terms.frequency,
          );
          // Fees are clamped to the headroom the contractual interest leaves under the cap.
          if (interest <= ceiling) expect(interest + penalties <= ceiling).toBe(true);
          else expect(penalties).toBe(0n);
        }
      }),
      { numRuns: 300 },
    );
  });
});
