// Installment parts with flat interest: charged on the original principal for the whole term.
import { floor, halfUp } from "../money/rounding.ts";
import { principalPart, type ScheduleParts } from "./installment-parts.ts";
import type { LoanTerms } from "./terms.ts";

/**
 * Total interest = principal × annual rate × the term's year fractions, rounded half-up, then
 * allocated in equal shares (earlier installments take the leftover minor units). An annuity
 * picks principal parts so every amortizing installment totals the same, half-up rounded;
 * equal principal repays P / (amortizing periods), floored. The last installment takes the
 * rest of the principal. Period i's fraction of a year is `units[i] / unitsPerYear`.
 */
export function flatParts(
  terms: LoanTerms,
  units: readonly number[],
  unitsPerYear: number,
): ScheduleParts {
  const count = terms.termCount;
  const length = units.length;
  const grace = terms.graceOnPrincipal ?? 0;
  const amortizing = BigInt(count - grace);
  const principal = terms.principal.minor;
  let termUnits = 0;
  for (let index = 0; index < length; index++) termUnits += units[index] as number;
  // principal × annual rate × (sum of the fractions) as one quotient, rounded once.
  const { num, den } = terms.annualRate;
  const totalInterest = halfUp(principal * num * BigInt(termUnits), den * BigInt(unitsPerYear));
  // Equal shares, the earlier ones taking one leftover minor unit each: what allocate() gives
  // for equal ratios (money/allocate.ts), without sorting. Two values, each made once.
  const share = floor(totalInterest, BigInt(length));
  const shareAndOne = share + 1n;
  const leftover = Number(totalInterest - share * BigInt(length));
  const shareAt = (index: number) => (index < leftover ? shareAndOne : share);
  let amortizingInterest = totalInterest;
  for (let index = 0; index < grace && index < length; index++) {
    amortizingInterest -= shareAt(index);
  }
  const level = halfUp(principal + amortizingInterest, amortizing);
  const wanted = terms.method === "annuity" ? level - share : floor(principal, amortizing);
  const wantedWithOne = terms.method === "annuity" ? level - shareAndOne : wanted;
  const principals: bigint[] = new Array(length);
  const interests: bigint[] = new Array(length);
  let balance = principal;
  for (let index = 0; index < length; index++) {
    const withOne = index < leftover;
    const part = principalPart(index, count, grace, withOne ? wantedWithOne : wanted, balance);
    balance -= part;
    principals[index] = part;
    interests[index] = withOne ? shareAndOne : share;
  }
  return { principal: principals, interest: interests };
}
