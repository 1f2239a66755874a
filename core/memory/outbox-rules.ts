// Outbox rules every store shares: how reason codes accumulate, what an expired lease says.

/** `lastError` of a claimed row failed by `expireLeases`: it may or may not have been sent. */
export const LEASE_EXPIRED = "lease expired";

/** `current` followed by the codes of `added` it does not already have, in order. */
export function mergeReasonCodes(current: readonly string[], added: readonly string[]): string[] {
  const merged = [...current];
  for (const code of added) if (!merged.includes(code)) merged.push(code);
  return merged;
}
