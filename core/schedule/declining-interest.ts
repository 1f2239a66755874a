// Installment parts with interest on the declining balance, for annuity and equal-principal loans.
import type { Rate } from "../money/rate.ts";
import { floor, halfUp } from "../money/rounding.ts";
import { annuityPayment } from "./annuity-payment.ts";
import { type InstallmentParts, principalPart } from "./installment-parts.ts";
import { nominalPeriodicRate } from "./period-fraction.ts";
import type { LoanTerms } from "./terms.ts";

/**
 * Each period's interest is the outstanding balance × the period's year fraction × the annual
 * rate, rounded half-up. An annuity repays the level payment less that interest; equal
 * principal repays P / (amortizing periods), floored, the last installment taking the rest.
 */
export function decliningParts(terms: LoanTerms, fractions: readonly Rate[]): InstallmentParts[] {
  const count = terms.termCount;
  const grace = terms.graceOnPrincipal ?? 0;
  const amortizing = count - grace;
  const target =
    terms.method === "annuity"
      ? annuityPayment(terms.principal, nominalPeriodicRate(terms), amortizing).minor
      : floor(terms.principal.minor, BigInt(amortizing));
  const { num, den } = terms.annualRate;
  let balance = terms.principal.minor;
  const parts: InstallmentParts[] = new Array(fractions.length);
  for (let index = 0; index < fractions.length; index++) {
    const fraction = fractions[index] as Rate;
    // balance × annual rate × fraction as one quotient: the same half-up result as reducing
    // the period's rate first, without a gcd per installment.
    const interest = halfUp(balance * num * fraction.num, den * fraction.den);
    const wanted = terms.method === "annuity" ? target - interest : target;
    const principal = principalPart(index, count, grace, wanted, balance);
    balance -= principal;
    parts[index] = { principal, interest };
  }
  return parts;
}
