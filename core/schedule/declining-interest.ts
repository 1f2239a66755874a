// Installment parts with interest on the declining balance, for annuity and equal-principal loans.
import { floor, halfUp } from "../money/rounding.ts";
import { annuityPayment } from "./annuity-payment.ts";
import { principalPart, type ScheduleParts } from "./installment-parts.ts";
import { nominalPeriodicRate } from "./period-fraction.ts";
import type { LoanTerms } from "./terms.ts";

/**
 * Each period's interest is the outstanding balance × the period's year fraction × the annual
 * rate, rounded half-up. An annuity repays the level payment less that interest; equal
 * principal repays P / (amortizing periods), floored, the last installment taking the rest.
 * Period i's fraction of a year is `units[i] / unitsPerYear` (see periodCalendar).
 */
export function decliningParts(
  terms: LoanTerms,
  units: readonly number[],
  unitsPerYear: number,
): ScheduleParts {
  const count = terms.termCount;
  const grace = terms.graceOnPrincipal ?? 0;
  const amortizing = count - grace;
  const annuity = terms.method === "annuity";
  const target = annuity
    ? annuityPayment(terms.principal, nominalPeriodicRate(terms), amortizing).minor
    : floor(terms.principal.minor, BigInt(amortizing));
  const { num, den } = terms.annualRate;
  // balance × annual rate × units / unitsPerYear as one quotient: the same half-up result as
  // reducing the period's fraction first. Most periods have the same length, so rate × units
  // is made again only when the length changes.
  const denominator = den * BigInt(unitsPerYear);
  let lastUnits = -1;
  let rateTimesUnits = 0n;
  let balance = terms.principal.minor;
  const length = units.length;
  const principal: bigint[] = new Array(length);
  const interest: bigint[] = new Array(length);
  for (let index = 0; index < length; index++) {
    const periodUnits = units[index] as number;
    if (periodUnits !== lastUnits) {
      lastUnits = periodUnits;
      rateTimesUnits = num * BigInt(periodUnits);
    }
    const owed = halfUp(balance * rateTimesUnits, denominator);
    const part = principalPart(index, count, grace, annuity ? target - owed : target, balance);
    balance -= part;
    principal[index] = part;
    interest[index] = owed;
  }
  return { principal, interest };
}
