// Charges a re-amortized plan carries forward: interest earned to date, and every open fee and penalty.
import type { RestructureBase } from "./restructure-base.ts";

/**
 * A re-amortized schedule charges interest from today, so it carries everything earned
 * before: arrears interest and the running period's interest accrued so far (net of interest
 * paid on it), exactly what the payoff holds today.
 */
export function carriedCharges(base: RestructureBase): {
  interest: bigint;
  fees: bigint;
  penalties: bigint;
} {
  return {
    interest: base.earnedInterest,
    fees: base.outstanding.fees,
    penalties: base.outstanding.penalties,
  };
}
