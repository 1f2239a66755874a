// Installment parts with flat interest: charged on the original principal for the whole term.
import { type Rate, ratePlus, rateTimes, ZERO_RATE } from "../money/rate.ts";
import { floor, halfUp } from "../money/rounding.ts";
import { type InstallmentParts, principalPart } from "./installment-parts.ts";
import type { LoanTerms } from "./terms.ts";

/**
 * Total interest = principal × annual rate × the term's year fractions, rounded half-up, then
 * allocated in equal shares (earlier installments take the leftover minor units). An annuity
 * picks principal parts so every amortizing installment totals the same, half-up rounded;
 * equal principal repays P / (amortizing periods), floored. The last installment takes the
 * rest of the principal.
 */
/**
 * `total` split into `count` equal shares, the earlier shares taking one leftover minor unit
 * each: what allocate() gives for equal ratios (money/allocate.ts), without sorting.
 */
function equalShares(total: bigint, count: number): bigint[] {
  const n = BigInt(count);
  const share = floor(total, n);
  const leftover = Number(total - share * n);
  return Array.from({ length: count }, (_, i) => (i < leftover ? share + 1n : share));
}

export function flatParts(terms: LoanTerms, fractions: readonly Rate[]): InstallmentParts[] {
  const count = terms.termCount;
  const grace = terms.graceOnPrincipal ?? 0;
  const amortizing = BigInt(count - grace);
  const principal = terms.principal.minor;
  const years = fractions.reduce(ratePlus, ZERO_RATE);
  const termRate = rateTimes(terms.annualRate, years);
  const totalInterest = halfUp(principal * termRate.num, termRate.den);
  const interests = equalShares(totalInterest, fractions.length);
  const amortizingInterest = interests.slice(grace).reduce((acc, share) => acc + share, 0n);
  const level = halfUp(principal + amortizingInterest, amortizing);
  const equalShare = floor(principal, amortizing);
  let balance = principal;
  return interests.map((interest, index) => {
    const wanted = terms.method === "annuity" ? level - interest : equalShare;
    const part = principalPart(index, count, grace, wanted, balance);
    balance -= part;
    return { principal: part, interest };
  });
}
