// Checks loan terms before a schedule is generated; each failure names the offending field.
import { isIsoDate } from "../dates/iso-date.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import {
  AMORTIZATION_METHODS,
  DAY_COUNTS,
  FREQUENCIES,
  INTEREST_METHODS,
  type LoanTerms,
} from "./terms.ts";

/** Longest schedule we generate: 50 years of monthly installments. */
export const MAX_TERM_COUNT = 600;

function invalid(field: string, value: unknown, rule: string): never {
  throw new DomainError(ErrorCode.InvalidTerms, `${field} ${rule}`, {
    field,
    value: String(value),
  });
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** Throws INVALID_TERMS with `details.field` naming the first field that breaks a rule. */
export function validateTerms(terms: LoanTerms): void {
  const { principal, annualRate, termCount, disbursedOn, firstDueDate } = terms;
  if (principal.minor <= 0n) invalid("principal", principal.minor, "must be greater than zero");
  if (annualRate.den <= 0n || annualRate.num < 0n) {
    invalid("annualRate", `${annualRate.num}/${annualRate.den}`, "must not be negative");
  }
  if (!isIntegerIn(termCount, 1, MAX_TERM_COUNT)) {
    invalid("termCount", termCount, `must be an integer from 1 to ${MAX_TERM_COUNT}`);
  }
  const grace = terms.graceOnPrincipal ?? 0;
  if (!isIntegerIn(grace, 0, termCount - 1)) {
    invalid("graceOnPrincipal", grace, `must be an integer from 0 to ${termCount - 1}`);
  }
  if (!FREQUENCIES.includes(terms.frequency)) invalid("frequency", terms.frequency, "is unknown");
  if (!AMORTIZATION_METHODS.includes(terms.method)) invalid("method", terms.method, "is unknown");
  if (!INTEREST_METHODS.includes(terms.interest)) invalid("interest", terms.interest, "is unknown");
  if (!DAY_COUNTS.includes(terms.dayCount)) invalid("dayCount", terms.dayCount, "is unknown");
  if (!isIsoDate(disbursedOn)) invalid("disbursedOn", disbursedOn, "must be a date (YYYY-MM-DD)");
  if (firstDueDate !== undefined) {
    if (!isIsoDate(firstDueDate))
      invalid("firstDueDate", firstDueDate, "must be a date (YYYY-MM-DD)");
    if (firstDueDate <= disbursedOn) {
      invalid("firstDueDate", firstDueDate, `must be after disbursedOn (${disbursedOn})`);
    }
  }
}
