// Accepting a plan changes how the debt is repaid, never how much is owed on the day it is accepted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../core/dates/iso-date.ts";
import type { LoanState } from "../../../core/ledger/loan-state.ts";
import { loanStateAsOf } from "../../../core/ledger/loan-state-as-of.ts";
import type { Transaction } from "../../../core/ledger/transaction.ts";
import { formatMoney } from "../../../core/money/decimal.ts";
import { parseRate } from "../../../core/money/rate.ts";
import { acceptPlan } from "../../../core/plans/accept-plan.ts";
import { planOptions } from "../../../core/plans/plan-options.ts";
import { loanArbitrary, loanOf, payment, paymentsArbitrary, usd } from "../../helpers/loans.ts";

// The loan: 1200.00 USD at 12%, 12 monthly from 2026-01-15, one payment, then silence.
const loan = loanOf({ annualRate: parseRate("0.12") });
const paid: Transaction[] = [payment("2026-02-15", usd("106.62"))];
const asOf = "2026-05-01";

describe("a borrower two installments behind accepts a plan", () => {
  const before = loanStateAsOf(loan, paid, asOf);
  const { options } = planOptions(loan, paid, asOf);

  it("owes a payoff of 1131.40 before (principal 1105.38, arrears interest 21.15, 4.87 accrued)", () => {
    expect(formatMoney(before.payoff)).toBe("1131.40");
    expect(options.map((o) => o.kind)).toEqual(["catch-up", "extended", "hardship"]);
  });

  for (const kind of ["catch-up", "extended", "hardship"] as const) {
    it(`still owes 1131.40 on the day the ${kind} plan is accepted`, () => {
      const option = options.find((o) => o.kind === kind)!;
      const after = loanStateAsOf(loan, [...paid, acceptPlan(option, asOf)], asOf);
      expect(formatMoney(after.payoff)).toBe("1131.40");
      expect(after.outstanding.principal).toEqual(before.outstanding.principal);
    });
  }

  it("keeps the carried interest in the payoff until it is paid, then lets it go", () => {
    const extended = options.find((o) => o.kind === "extended")!;
    const accepted = [...paid, acceptPlan(extended, asOf)];
    const later = loanStateAsOf(loan, accepted, "2026-05-10");
    // 1131.40 plus nine days of the plan's own interest, never less
    expect(later.payoff.minor > before.payoff.minor).toBe(true);
    const first = extended.schedule[0]!;
    const total = first.principal.minor + first.interest.minor;
    const afterFirst = loanStateAsOf(
      loan,
      [...accepted, payment(first.dueDate, { minor: total, currency: "USD" })],
      first.dueDate,
    );
    expect(afterFirst.payoff.minor < later.payoff.minor).toBe(true);
  });

  it("refuses a reschedule that states less carried interest than was earned", () => {
    const extended = options.find((o) => o.kind === "extended")!;
    const [first, ...rest] = extended.schedule;
    const short = { ...first!, carriedInterest: usd("0.00") };
    const reschedule = { type: "reschedule" as const, date: asOf, installments: [short, ...rest] };
    expect(() => loanStateAsOf(loan, [...paid, reschedule], asOf)).toThrow(/interest earned/);
  });

  it("keeps what is owed for a reschedule that states nothing about carried interest", () => {
    const extended = options.find((o) => o.kind === "extended")!;
    const bare = extended.schedule.map(({ carriedInterest: _, ...rest }) => rest);
    const after = loanStateAsOf(loan, [...paid, acceptPlan(bare, asOf)], asOf);
    expect(formatMoney(after.payoff)).toBe("1131.40");
  });
});

describe("plan acceptance properties", () => {
  const scenario = loanArbitrary.chain((l) =>
    fc.record({
      loan: fc.constant(l),
      payments: paymentsArbitrary(l),
      day: fc.integer({ min: 0, max: 900 }),
      affordable: fc.option(fc.bigInt({ min: 0n, max: 2_000_000n }), { nil: undefined }),
    }),
  );
  const accepted = (run: (x: { before: LoanState; after: LoanState; kind: string }) => void) =>
    fc.property(scenario, ({ loan: l, payments, day, affordable }) => {
      const when = addDays(l.terms.disbursedOn, day);
      const currency = l.terms.principal.currency;
      const request =
        affordable === undefined ? {} : { affordable: { minor: affordable, currency } };
      const before = loanStateAsOf(l, payments, when);
      for (const option of planOptions(l, payments, when, request).options) {
        const after = loanStateAsOf(l, [...payments, acceptPlan(option, when)], when);
        run({ before, after, kind: option.kind });
      }
    });

  it("payoff, principal, fees and penalties are the same before and after, on the day, for every plan kind", () => {
    const kinds = new Set<string>();
    fc.assert(
      accepted(({ before, after, kind }) => {
        kinds.add(kind);
        expect(after.payoff).toEqual(before.payoff);
        expect(after.outstanding.principal).toEqual(before.outstanding.principal);
        expect(after.outstanding.fees).toEqual(before.outstanding.fees);
        expect(after.outstanding.penalties).toEqual(before.outstanding.penalties);
      }),
      { numRuns: 200 },
    );
    expect([...kinds].sort()).toEqual(["catch-up", "extended", "hardship"]);
  });

  it("what the remaining installments ask for never loses the payoff's interest, fees and penalties", () => {
    fc.assert(
      accepted(({ before, after }) => {
        // everything owed today (the payoff) is still asked for by the plan's installments
        expect(after.outstanding.total.minor >= before.payoff.minor).toBe(true);
        const charges = before.payoff.minor - before.outstanding.principal.minor;
        const remainingCharges = after.outstanding.total.minor - after.outstanding.principal.minor;
        expect(remainingCharges >= charges).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
