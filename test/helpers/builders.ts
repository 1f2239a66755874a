// Shared test builders: loan input for the `repay` CLI as JSON, and a matcher for coded domain errors.
import { expect } from "vitest";

/** Matches a thrown DomainError by its stable code: `expect(fn).toThrow(domainErrorWithCode(...))`. */
export function domainErrorWithCode(code: string) {
  return expect.objectContaining({ name: "DomainError", code });
}

/** Loan terms as the CLI reads them: amounts and rates are decimal strings. */
export interface TermsJson {
  principal: string;
  currency: string;
  annualRate: string;
  termCount: number;
  frequency: "monthly" | "biweekly" | "weekly";
  disbursedOn: string;
  firstDueDate?: string;
  method: "annuity" | "equal-principal";
  interest?: "declining" | "flat";
  dayCount?: "30/360" | "actual/365";
  graceOnPrincipal?: number;
}

export interface LateFeeJson {
  flat?: string;
  percent?: string;
  graceDays?: number;
  cap?: string;
}

export type TransactionJson =
  | { type: "payment" | "fee"; date: string; amount: string }
  | { type: "waiver"; date: string; amount: string; component?: "fees" | "penalties" }
  | { type: "reschedule"; date: string; plan?: string; installments: unknown[] };

/**
 * 1200.00 USD at 12.99% over 12 monthly annuity installments, disbursed 2026-01-15 and first
 * due 2026-02-15 (30/360, declining), with overrides.
 *
 * @example usdTerms({ termCount: 24, method: "equal-principal" })
 */
export function usdTerms(overrides: Partial<TermsJson> = {}): TermsJson {
  return {
    principal: "1200.00",
    currency: "USD",
    annualRate: "0.1299",
    termCount: 12,
    frequency: "monthly",
    disbursedOn: "2026-01-15",
    firstDueDate: "2026-02-15",
    method: "annuity",
    interest: "declining",
    dayCount: "30/360",
    ...overrides,
  };
}

/**
 * Input for `repay state` and `repay plans`: a loan (terms plus optional late fee and rate cap),
 * its transactions and the as-of date.
 *
 * @example loanInput({ asOf: "2026-04-01", lateFee: { flat: "15.00", graceDays: 3 } })
 */
export function loanInput(
  options: {
    terms?: TermsJson;
    lateFee?: LateFeeJson;
    rateCap?: string;
    transactions?: TransactionJson[];
    asOf?: string;
    affordable?: string;
    maxTermCount?: number;
  } = {},
) {
  const { terms = usdTerms(), lateFee, rateCap, transactions = [], asOf = "2026-04-01" } = options;
  return {
    loan: {
      ...terms,
      ...(lateFee ? { lateFee } : {}),
      ...(rateCap ? { rateCap } : {}),
    },
    transactions,
    asOf,
    ...(options.affordable ? { affordable: options.affordable } : {}),
    ...(options.maxTermCount ? { maxTermCount: options.maxTermCount } : {}),
  };
}

export function paymentJson(date: string, amount: string): TransactionJson {
  return { type: "payment", date, amount };
}
