// Records every nudge decision in the store's decision log, in batches, off the sending path.

import type { DecisionListener, NudgeDecisionEvent } from "../../core/policy/index.ts";
import type { DecisionLog, NudgeDecision } from "../../core/ports/index.ts";

export interface DecisionRecorderOptions {
  readonly decisions: DecisionLog;
  /** The contact profile decisions are made under, stamped on each record. */
  readonly profile: string;
  /** A decision waits at most this long to be written with others. Default 250 ms. */
  readonly flushAfterMs?: number;
  /** Decisions per write; a full batch is written at once. Default 500. */
  readonly batchSize?: number;
  /** A failed write: the decisions are dropped (the outbox rows stay the record of truth). */
  readonly onError?: (error: unknown, dropped: number) => void;
}

export interface DecisionRecorder {
  /** Give this to the planner and the dispatcher (it never throws, never waits). */
  readonly onDecision: DecisionListener;
  /** Writes everything recorded so far; resolves when it is stored (or dropped on error). */
  flush(): Promise<void>;
}

/** The record of a live decision: the very event the simulator explains, plus its profile. */
export function decisionRecord(event: NudgeDecisionEvent, profile: string): NudgeDecision {
  return { ...event, profile };
}

/**
 * Buffers decisions and writes them as one batch a short while later, or at once when a batch
 * is full: a planner page of hundreds of decisions is one insert, and a dispatcher's send never
 * waits for its record. Writes happen one after another, in decision order.
 *
 * @example const recorder = createDecisionRecorder({ decisions: store.decisions, profile: "default" });
 */
export function createDecisionRecorder(options: DecisionRecorderOptions): DecisionRecorder {
  const flushAfterMs = options.flushAfterMs ?? 250;
  const batchSize = options.batchSize ?? 500;
  let pending: NudgeDecision[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return writing;
    const batch = pending;
    pending = [];
    writing = writing.then(async () => {
      try {
        await options.decisions.appendMany(batch);
      } catch (error) {
        options.onError?.(error, batch.length);
      }
    });
    return writing;
  };

  return {
    onDecision(event) {
      pending.push(decisionRecord(event, options.profile));
      if (pending.length >= batchSize) {
        void flush();
      } else if (!timer) {
        timer = setTimeout(() => void flush(), flushAfterMs);
        timer.unref();
      }
    },
    flush,
  };
}
