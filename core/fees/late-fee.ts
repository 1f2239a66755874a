// The late fee for one overdue installment, before per-loan and rate caps apply.
import { halfUp } from "../money/rounding.ts";
import type { LateFeeTerms } from "./late-fee-terms.ts";

/** flat + percent x unpaid (principal and interest of the installment), rounded half-up. */
export function lateFeeAmount(terms: LateFeeTerms, unpaidInstallment: bigint): bigint {
  const flat = terms.flat?.minor ?? 0n;
  const percent = terms.percent
    ? halfUp(unpaidInstallment * terms.percent.num, terms.percent.den)
    : 0n;
  return flat + percent;
}
