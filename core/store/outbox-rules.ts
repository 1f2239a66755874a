// Outbox rules every store shares: how reason codes accumulate, what an expired lease says.

/** `lastError` of a claimed row failed by `expireLeases`: it may or may not have been sent. */
export const LEASE_EXPIRED = "lease expired";

/** How `lastError` begins when a send's outcome is unknown (a timeout after the request left). */
export const UNKNOWN_OUTCOME = "unknown outcome";

/** `lastError` for a send whose outcome is unknown, naming why. */
export function unknownOutcomeError(reason: string): string {
  return `${UNKNOWN_OUTCOME}: ${reason} (not retried)`;
}

/**
 * A failed row that may nonetheless have reached the borrower: its lease ran out mid-send, or
 * the provider never said. Counted as a contact; never sent again.
 */
export function mayHaveReachedBorrower(row: { status: string; lastError?: string }): boolean {
  if (row.status === "claimed") return true;
  if (row.status !== "failed" || row.lastError === undefined) return false;
  return row.lastError === LEASE_EXPIRED || row.lastError.startsWith(UNKNOWN_OUTCOME);
}

/** `current` followed by the codes of `added` it does not already have, in order. */
export function mergeReasonCodes(current: readonly string[], added: readonly string[]): string[] {
  const merged = [...current];
  for (const code of added) if (!merged.includes(code)) merged.push(code);
  return merged;
}
