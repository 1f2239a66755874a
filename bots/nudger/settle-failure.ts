// What a failed send leaves behind: a row put back for later, or failed with its reason for good.

import type { BorrowerContext } from "../../core/policy/index.ts";
import type { NudgeRow, SendError } from "../../core/ports/index.ts";
import { unknownOutcomeError } from "../../core/store/index.ts";
import type { DispatcherDeps, Emit } from "./dispatcher-deps.ts";
import { markUnreachable, UNREACHABLE_REASONS } from "./unreachable.ts";

/**
 * Nothing delivered (429, or the lease ran short): back to planned after the wait. Otherwise
 * failed for good, never retried again; a dead chat marks the channel unreachable.
 */
export async function settleFailure(
  deps: DispatcherDeps,
  context: BorrowerContext,
  rows: readonly NudgeRow[],
  error: SendError,
  attempts: number,
  clock: () => string,
  emit: Emit,
): Promise<void> {
  const { outbox } = deps.store;
  const at = clock();
  if (error.kind === "rate_limited" || error.reason === "LEASE_RUNNING_OUT") {
    // Nothing went out: back to planned, after the provider's wait (or at once for a new lease).
    const waitMs = (error.retryAfterSeconds ?? 0) * 1000;
    const until = new Date(Date.parse(at) + waitMs).toISOString();
    const reasons = [error.kind === "rate_limited" ? "RATE_LIMITED" : "LEASE_RUNNING_OUT"];
    for (const row of rows) {
      await outbox.reschedule(row.id, until, reasons);
      emit(row, "deferred", row.kind, reasons, { until });
    }
    return;
  }
  const detail =
    error.kind === "transient"
      ? `transient: ${error.reason} after ${attempts} attempts`
      : error.kind === "unknown"
        ? unknownOutcomeError(error.reason)
        : `permanent: ${error.reason}`;
  for (const row of rows) {
    await outbox.markFailed(row.id, detail, at);
    emit(row, "failed", row.kind, [error.reason]);
  }
  if (error.kind === "permanent" && UNREACHABLE_REASONS.has(error.reason)) {
    await markUnreachable(
      deps.store,
      context.borrower.id,
      rows[0]?.channel ?? "telegram",
      error.reason,
      at,
    );
  }
}
