// Retention of the decision log: decisions older than the retention period go, a batch at a time.
import type { DecisionLog } from "../../core/ports/index.ts";

export interface DecisionRetention {
  readonly decisions: DecisionLog;
  /** REPAY_DECISION_RETENTION_DAYS. */
  readonly days: number;
  /** Rows per delete. Default 1000. */
  readonly batchSize?: number;
  /** Deletes per call, so one planner tick never spends long on it; the rest go next tick. Default 20. */
  readonly maxBatches?: number;
}

/**
 * Deletes decisions made more than `days` before `now`, oldest first, in batches (short
 * statements, short locks); returns how many went.
 *
 * @example await pruneDecisions({ decisions: store.decisions, days: 90 }, new Date().toISOString())
 */
export async function pruneDecisions(retention: DecisionRetention, now: string): Promise<number> {
  const batchSize = retention.batchSize ?? 1000;
  const maxBatches = retention.maxBatches ?? 20;
  const before = new Date(Date.parse(now) - retention.days * 86_400_000).toISOString();
  let pruned = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const deleted = await retention.decisions.pruneBefore(before, batchSize);
    pruned += deleted;
    if (deleted < batchSize) break;
  }
  return pruned;
}
