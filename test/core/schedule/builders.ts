// Shared builders for schedule tests: readable loan terms and a fast-check arbitrary over all of them.
import fc from "fast-check";
import { addDays } from "../../../core/dates/iso-date.ts";
import { parseMoney } from "../../../core/money/decimal.ts";
import { money } from "../../../core/money/money.ts";
import { parseRate, rate } from "../../../core/money/rate.ts";
import {
  AMORTIZATION_METHODS,
  DAY_COUNTS,
  FREQUENCIES,
  INTEREST_METHODS,
  type LoanTerms,
} from "../../../core/schedule/index.ts";

export interface TermsInput extends Partial<Omit<LoanTerms, "principal" | "annualRate">> {
  /** Major units as text, e.g. "1200.00". */
  readonly principal?: string;
  readonly currency?: string;
  /** Annual rate as a decimal string, e.g. "0.1299". */
  readonly rate?: string;
}

/** Terms for a 1200.00 USD, 12%, 12-month annuity on 30/360 disbursed 2025-01-15, with overrides. */
export function loanTerms(input: TermsInput = {}): LoanTerms {
  const { principal = "1200.00", currency = "USD", rate: annual = "0.12", ...rest } = input;
  return {
    termCount: 12,
    frequency: "monthly",
    disbursedOn: "2025-01-15",
    method: "annuity",
    interest: "declining",
    dayCount: "30/360",
    ...rest,
    principal: parseMoney(principal, currency),
    annualRate: parseRate(annual),
  };
}

/** Minor units of each amount, for compact expectations. */
export function minors(amounts: readonly { minor: bigint }[]): bigint[] {
  return amounts.map((amount) => amount.minor);
}

/**
 * Any valid terms: principal 1..10^9 minor units of USD, JPY or KWD, rate 0..0.60, 1..360
 * installments, every frequency, method, interest method and day count, grace 0..3, and a
 * first due date that is either the default or 1..60 days after disbursement.
 */
export const arbitraryTerms: fc.Arbitrary<LoanTerms> = fc
  .record({
    currency: fc.constantFrom("USD", "JPY", "KWD"),
    minor: fc.bigInt(1n, 10n ** 9n),
    rateBasisPoints: fc.integer({ min: 0, max: 6000 }),
    termCount: fc.integer({ min: 1, max: 360 }),
    frequency: fc.constantFrom(...FREQUENCIES),
    method: fc.constantFrom(...AMORTIZATION_METHODS),
    interest: fc.constantFrom(...INTEREST_METHODS),
    dayCount: fc.constantFrom(...DAY_COUNTS),
    grace: fc.integer({ min: 0, max: 3 }),
    disbursedAfter2000: fc.integer({ min: 0, max: 365 * 40 }),
    firstDueAfter: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  })
  .map((r) => {
    const disbursedOn = addDays("2000-01-01", r.disbursedAfter2000);
    return {
      principal: money(r.minor, r.currency),
      annualRate: rate(BigInt(r.rateBasisPoints), 10000n),
      termCount: r.termCount,
      frequency: r.frequency,
      disbursedOn,
      firstDueDate:
        r.firstDueAfter === undefined ? undefined : addDays(disbursedOn, r.firstDueAfter),
      method: r.method,
      interest: r.interest,
      dayCount: r.dayCount,
      graceOnPrincipal: Math.min(r.grace, r.termCount - 1),
    };
  });
