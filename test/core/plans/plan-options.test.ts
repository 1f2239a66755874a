// Plan options for a borrower in arrears: what each offers, what it costs, and accepting one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../core/dates/iso-date.ts";
import { loanStateAsOf } from "../../../core/ledger/loan-state-as-of.ts";
import { formatMoney } from "../../../core/money/decimal.ts";
import { acceptPlan } from "../../../core/plans/accept-plan.ts";
import { planOptions } from "../../../core/plans/plan-options.ts";
import { installmentTotal } from "../../../core/schedule/installment.ts";
import {
  loanArbitrary,
  loanOf,
  payment,
  paymentsArbitrary,
  standardLateFee,
  usd,
} from "../../helpers/loans.ts";

const loan = loanOf({}, { lateFee: standardLateFee, rateCap: "0.36" });
const late = [payment("2026-03-20", usd("50.00"))];
const asOf = "2026-04-01";

describe("plan options for a borrower two installments behind", () => {
  const plans = planOptions(loan, late, asOf);
  const byKind = Object.fromEntries(plans.options.map((o) => [o.kind, o]));
  const state = loanStateAsOf(loan, late, asOf);

  it("offers catch-up, extended and hardship", () => {
    expect(plans.options.map((o) => o.kind)).toEqual(["catch-up", "extended", "hardship"]);
    expect(plans.notOffered).toEqual([]);
  });

  it("catch-up spreads the 205.08 arrears over the next 3 installments at no extra cost", () => {
    const option = byKind["catch-up"]!;
    // 205.08 / 3 = 68.36 each; 107.18 + 68.36 = 175.54 (+ the odd cent goes first: 175.55)
    expect(formatMoney(option.installmentAmount)).toBe("175.55");
    expect(option.firstDueDate).toBe("2026-04-15");
    expect(option.lastDueDate).toBe("2027-01-15");
    expect(formatMoney(option.extraCost)).toBe("0.00");
    expect(option.totalPayable).toEqual(state.outstanding.total);
  });

  it("extended lowers the installment and says what the longer term costs", () => {
    const option = byKind.extended!;
    expect(option.count).toBe(20);
    expect(option.installmentAmount.minor < 107_18n).toBe(true);
    expect(option.extraCost.minor > 0n).toBe(true);
    expect(option.totalPayable.minor - state.outstanding.total.minor).toBe(option.extraCost.minor);
  });

  it("hardship halves the payment for three periods with interest frozen", () => {
    const option = byKind.hardship!;
    expect(option.reducedCount).toBe(3);
    // half of the next regular installment, 107.18 / 2 = 53.59
    expect(formatMoney(option.installmentAmount)).toBe("53.59");
    expect(option.schedule.slice(0, 3).every((i) => i.interest.minor === 0n)).toBe(true);
    expect(option.thenAmount).toBeDefined();
  });

  it("keeps every plan's installments within an affordable amount", () => {
    const affordable = usd("80.00");
    const options = planOptions(loan, late, asOf, { affordable, maxTermCount: 36 });
    for (const option of options.options) {
      const regular = option.kind === "hardship" ? option.schedule.slice(0, 3) : option.schedule;
      for (const installment of regular) {
        expect(installmentTotal(installment) <= affordable.minor).toBe(true);
      }
    }
  });

  it("says why a plan is not offered when nothing is overdue", () => {
    const current = planOptions(loan, [], "2026-02-01");
    expect(current.notOffered).toContainEqual({ kind: "catch-up", reason: "NO_ARREARS" });
  });

  it("says why when the affordable amount is too low for any term within the maximum", () => {
    const options = planOptions(loan, late, asOf, { affordable: usd("1.00"), maxTermCount: 24 });
    expect(options.notOffered).toContainEqual({ kind: "extended", reason: "ABOVE_AFFORDABLE" });
    expect(options.notOffered).toContainEqual({ kind: "catch-up", reason: "ABOVE_AFFORDABLE" });
  });

  it("accepting a plan yields a reschedule that loan state understands", () => {
    const option = byKind.extended!;
    const after = loanStateAsOf(loan, [...late, acceptPlan(option, asOf)], asOf);
    expect(after.outstanding.principal).toEqual(state.outstanding.principal);
    expect(after.outstanding.total).toEqual(option.totalPayable);
    expect(after.daysPastDue).toBe(0);
    // all 12 original installments were open (the first only partly paid), so all are replaced
    expect(after.installments.filter((i) => i.status === "rescheduled")).toHaveLength(12);
    expect(after.installments.filter((i) => i.status !== "rescheduled")).toHaveLength(option.count);
    expect(after.nextDue?.date).toBe(option.firstDueDate);
  });
});

describe("plan properties", () => {
  const scenario = loanArbitrary.chain((l) =>
    fc.record({
      loan: fc.constant(l),
      payments: paymentsArbitrary(l),
      day: fc.integer({ min: 0, max: 900 }),
      affordable: fc.option(fc.bigInt({ min: 0n, max: 2_000_000n }), { nil: undefined }),
    }),
  );

  it("every option amortizes the outstanding principal exactly and accepting it keeps the totals", () => {
    fc.assert(
      fc.property(scenario, ({ loan: l, payments, day, affordable }) => {
        const when = addDays(l.terms.disbursedOn, day);
        const currency = l.terms.principal.currency;
        const request =
          affordable === undefined ? {} : { affordable: { minor: affordable, currency } };
        const before = loanStateAsOf(l, payments, when);
        const plans = planOptions(l, payments, when, request);
        for (const option of plans.options) {
          const principal = option.schedule.reduce((acc, i) => acc + i.principal.minor, 0n);
          expect(principal).toBe(before.outstanding.principal.minor);
          for (const i of option.schedule) {
            expect(i.principal.minor >= 0n && i.interest.minor >= 0n).toBe(true);
            expect(i.dueDate >= when).toBe(true);
          }
          const after = loanStateAsOf(l, [...payments, acceptPlan(option, when)], when);
          expect(after.outstanding.total).toEqual(option.totalPayable);
          if (option.kind === "catch-up") expect(option.extraCost.minor).toBe(0n);
          if (affordable !== undefined && option.kind !== "hardship") {
            expect(option.schedule.every((i) => installmentTotal(i) <= affordable)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
