// One spelling per loan: what every store keeps for a LoanInput, and when an upsert changes it.
import type { LateFeeTerms } from "../fees/late-fee-terms.ts";
import { assertSameCurrency, money } from "../money/money.ts";
import { type Rate, rate } from "../money/rate.ts";
import type { LoanInput, StoredLoan } from "../ports/loans.ts";
import type { LoanTerms } from "../schedule/terms.ts";
import { formatRateExact } from "./format-rate-exact.ts";

function exactRate(r: Rate): Rate {
  formatRateExact(r); // throws unless the rate has a finite decimal, as a text column needs
  return rate(r.num, r.den);
}

export function canonicalTerms(terms: LoanTerms): LoanTerms {
  return {
    principal: money(terms.principal.minor, terms.principal.currency),
    annualRate: exactRate(terms.annualRate),
    termCount: terms.termCount,
    frequency: terms.frequency,
    disbursedOn: terms.disbursedOn,
    ...(terms.firstDueDate ? { firstDueDate: terms.firstDueDate } : {}),
    method: terms.method,
    interest: terms.interest,
    dayCount: terms.dayCount,
    ...(terms.graceOnPrincipal ? { graceOnPrincipal: terms.graceOnPrincipal } : {}),
  };
}

/** Late-fee terms that charge nothing and have no grace days are no late-fee terms at all. */
export function canonicalLateFee(
  lateFee: LateFeeTerms | undefined,
  currency: string,
): LateFeeTerms | undefined {
  if (!lateFee) return undefined;
  const { flat, percent, cap, graceDays } = lateFee;
  if (!flat && !percent && !cap && !graceDays) return undefined;
  for (const amount of [flat, cap]) if (amount) assertSameCurrency(amount, money(0n, currency));
  return {
    ...(flat ? { flat: money(flat.minor, flat.currency) } : {}),
    ...(percent ? { percent: exactRate(percent) } : {}),
    graceDays: graceDays ?? 0,
    ...(cap ? { cap: money(cap.minor, cap.currency) } : {}),
  };
}

/**
 * `input` as every store keeps it: rates reduced (and checked to have an exact decimal form),
 * defaults left out, late-fee amounts in the loan's currency. Throws a DomainError otherwise.
 */
export function canonicalLoanInput(input: LoanInput): LoanInput {
  const terms = canonicalTerms(input.terms);
  const lateFee = canonicalLateFee(input.lateFee, terms.principal.currency);
  return {
    externalRef: input.externalRef,
    borrowerId: input.borrowerId,
    terms,
    ...(lateFee ? { lateFee } : {}),
    ...(input.rateCap ? { rateCap: exactRate(input.rateCap) } : {}),
    ...(input.status ? { status: input.status } : {}),
  };
}

function key(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    typeof v === "bigint" ? v.toString() : v,
  );
}

/** Whether two canonical terms would generate the same schedule. */
export function sameTerms(a: LoanTerms, b: LoanTerms): boolean {
  return key(a) === key(b);
}

/**
 * Whether upserting canonical `next` over `current` changes nothing. A status left out of the
 * input leaves the loan's status alone, so it only counts when given.
 */
export function sameLoan(current: StoredLoan, next: LoanInput): boolean {
  return (
    current.borrowerId === next.borrowerId &&
    sameTerms(current.terms, next.terms) &&
    key(current.lateFee) === key(next.lateFee) &&
    key(current.rateCap) === key(next.rateCap) &&
    (next.status === undefined || next.status === current.status)
  );
}
