// Charges a re-amortized plan carries forward: arrears interest, and every open fee and penalty.
import type { RestructureBase } from "./restructure-base.ts";

/**
 * The new schedule charges interest again from the start of the running period, so interest
 * already paid ahead on that period is credited against the arrears interest carried.
 */
export function carriedCharges(base: RestructureBase): {
  interest: bigint;
  fees: bigint;
  penalties: bigint;
} {
  const prepaid = base.upcoming[0]?.paid.interest ?? 0n;
  const interest = base.arrears.interest - prepaid;
  return {
    interest: interest > 0n ? interest : 0n,
    fees: base.outstanding.fees,
    penalties: base.outstanding.penalties,
  };
}
