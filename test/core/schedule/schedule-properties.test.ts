// Properties every generated schedule keeps, over random terms of every method, frequency and currency.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  annuityPayment,
  dueDates,
  generateSchedule,
  installmentTotal,
  type LoanTerms,
  nominalPeriodicRate,
  scheduleTotals,
} from "../../../core/schedule/index.ts";
import { arbitraryTerms } from "./builders.ts";

const RUNS = { numRuns: 300 };

/**
 * Rounding the payment and each period's interest moves the balance by under one minor unit a
 * period, and that error compounds: after m periods at r it is under ((1+r)^m − 1)/r. The last
 * installment absorbs it, so the loan cannot be repaid early while that bound stays below the
 * last exact principal part, P·r·g / ((g − 1)(1 + r)) with g = (1+r)^m. (Floats are fine here:
 * this only chooses which generated loans the property applies to.)
 */
function driftCannotRepayEarly(terms: LoanTerms): boolean {
  const m = terms.termCount - (terms.graceOnPrincipal ?? 0);
  const periodic = nominalPeriodicRate(terms);
  const r = Number(periodic.num) / Number(periodic.den);
  const p = Number(terms.principal.minor);
  if (r === 0) return p >= 2 * m * m;
  const g = (1 + r) ** m;
  return 2 * ((g - 1) / r) < (p * r * g) / ((g - 1) * (1 + r));
}

/** Installments that repay principal: those after the grace on principal. */
function amortizing(terms: LoanTerms) {
  return generateSchedule(terms).slice(terms.graceOnPrincipal ?? 0);
}

describe("schedule properties", () => {
  it("principal sums exactly to the loan for every method", () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        expect(scheduleTotals(generateSchedule(terms)).principal).toEqual(terms.principal);
      }),
      RUNS,
    );
  });

  it("no principal, interest, fee or penalty is ever negative; fees and penalties are zero", () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        const offenders = generateSchedule(terms).filter(
          (i) =>
            i.principal.minor < 0n ||
            i.interest.minor < 0n ||
            i.fees.minor !== 0n ||
            i.penalties.minor !== 0n,
        );
        expect(offenders).toEqual([]);
      }),
      RUNS,
    );
  });

  it("has termCount installments numbered 1..n with strictly increasing due dates after disbursement", () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        const schedule = generateSchedule(terms);
        expect(schedule).toHaveLength(terms.termCount);
        expect(schedule.map((i) => i.dueDate)).toEqual(dueDates(terms));
        const outOfOrder = schedule.filter((installment, k) => {
          const previous = k === 0 ? terms.disbursedOn : (schedule[k - 1]?.dueDate as string);
          return installment.n !== k + 1 || installment.dueDate <= previous;
        });
        expect(outOfOrder).toEqual([]);
      }),
      RUNS,
    );
  });

  it("grace installments repay no principal", () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        const grace = generateSchedule(terms).slice(0, terms.graceOnPrincipal ?? 0);
        expect(grace.filter((installment) => installment.principal.minor !== 0n)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("a zero rate charges no interest", () => {
    const zeroRate = arbitraryTerms.map((terms) => ({
      ...terms,
      annualRate: { num: 0n, den: 1n },
    }));
    fc.assert(
      fc.property(zeroRate, (terms) => {
        expect(scheduleTotals(generateSchedule(terms)).interest.minor).toBe(0n);
      }),
      RUNS,
    );
  });

  it("annuity with declining interest: every amortizing installment but the last totals the level payment", () => {
    // Ordinary loans: under 30/360 with regular periods (first due date one period after
    // disbursement) each period's interest is at most what the payment was sized for, and the
    // loan is large enough that rounding drift cannot repay it before the last installment.
    const ordinary = arbitraryTerms
      .map(
        (terms): LoanTerms => ({
          ...terms,
          method: "annuity",
          interest: "declining",
          dayCount: "30/360",
          firstDueDate: undefined,
        }),
      )
      .filter(driftCannotRepayEarly);
    fc.assert(
      fc.property(ordinary, (terms) => {
        const grace = terms.graceOnPrincipal ?? 0;
        const payment = annuityPayment(
          terms.principal,
          nominalPeriodicRate(terms),
          terms.termCount - grace,
        );
        const totals = amortizing(terms).slice(0, -1).map(installmentTotal);
        expect(totals).toEqual(totals.map(() => payment.minor));
      }),
      RUNS,
    );
  });

  it("annuity with declining interest: an installment differs from the level payment only when interest exceeds it or the loan is repaid", () => {
    const annuities = arbitraryTerms.map(
      (terms): LoanTerms => ({ ...terms, method: "annuity", interest: "declining" }),
    );
    fc.assert(
      fc.property(annuities, (terms) => {
        const grace = terms.graceOnPrincipal ?? 0;
        const payment = annuityPayment(
          terms.principal,
          nominalPeriodicRate(terms),
          terms.termCount - grace,
        );
        let balance = terms.principal.minor;
        const unexplained = generateSchedule(terms)
          .slice(0, -1)
          .filter((installment) => {
            balance -= installment.principal.minor;
            const interestOnly =
              installment.principal.minor === 0n && installment.interest.minor >= payment.minor;
            const level = installmentTotal(installment) === payment.minor;
            return installment.n > grace && !level && !interestOnly && balance !== 0n;
          });
        expect(unexplained).toEqual([]);
      }),
      RUNS,
    );
  });

  it("annuity with flat interest: every amortizing installment but the last totals the same amount", () => {
    const ordinary = arbitraryTerms
      .map((terms): LoanTerms => ({ ...terms, method: "annuity", interest: "flat" }))
      .filter((terms) => terms.principal.minor >= 2n * BigInt(terms.termCount) ** 2n);
    fc.assert(
      fc.property(ordinary, (terms) => {
        const totals = amortizing(terms).slice(0, -1).map(installmentTotal);
        expect(new Set(totals).size).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("equal principal: every amortizing installment but the last repays the same principal", () => {
    const equalPrincipal = arbitraryTerms.map(
      (terms): LoanTerms => ({ ...terms, method: "equal-principal" }),
    );
    fc.assert(
      fc.property(equalPrincipal, (terms) => {
        const parts = amortizing(terms).map((i) => i.principal.minor);
        const share = terms.principal.minor / BigInt(parts.length);
        expect(parts.slice(0, -1)).toEqual(parts.slice(0, -1).map(() => share));
      }),
      RUNS,
    );
  });

  it("flat interest is spread in equal shares, earlier installments taking the leftover minor units", () => {
    const flat = arbitraryTerms.map((terms): LoanTerms => ({ ...terms, interest: "flat" }));
    fc.assert(
      fc.property(flat, (terms) => {
        const shares = generateSchedule(terms).map((i) => i.interest.minor);
        const first = shares[0] as bigint;
        const leftovers = shares.filter((share) => share === first).length;
        expect(shares).toEqual(shares.map((_, k) => (k < leftovers ? first : first - 1n)));
      }),
      RUNS,
    );
  });
});
