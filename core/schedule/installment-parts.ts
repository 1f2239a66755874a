// Principal and interest of each installment in minor units, and the rule that splits principal.

/** What each installment repays, in minor units of the loan's currency: index i is installment i. */
export interface ScheduleParts {
  readonly principal: bigint[];
  readonly interest: bigint[];
}

/**
 * The principal part of installment `index` (0-based) of `count`: none during the grace on
 * principal, all that is left in the last installment, otherwise `target` kept within
 * 0..balance so no part is negative and the balance never goes below zero.
 */
export function principalPart(
  index: number,
  count: number,
  grace: number,
  target: bigint,
  balance: bigint,
): bigint {
  if (index < grace) return 0n;
  if (index === count - 1) return balance;
  if (target < 0n) return 0n;
  return target > balance ? balance : target;
}
