// A process's send slots: each dispatch job's rate-limited start adds its own; any ready message takes one.
//
// The queue's global limiter is the holder of the cluster's budget: it starts at most one
// dispatch job per window across every process, and each start becomes the job's send slots at
// a fixed delay after it (dispatch-pacing.ts). Sends happen only at slot times, each slot used at
// most once, so the sends keep the starts' spacing. Within a process the slots are a pool: a message ready early waits for
// the earliest free slot; one whose own job's slot has passed (its database work was slow)
// takes the next free one instead of putting its rows back; a job that sends nothing (its rows
// were taken, deferred or suppressed) leaves its slot to another message. A slot nobody took by
// its time (plus a small tolerance) is dropped: sending later could bunch sends past the rate.

import { SEND_LATE_LIMIT_MS } from "./dispatch-pacing.ts";

type Waiter = (slot: number | undefined) => void;

export interface SendSlots {
  /** A dispatch job started: its slot, `at` ms since the epoch, joins the pool. */
  add(at: number): void;
  /**
   * The earliest free slot still usable, removed from the pool; when none is free, the next one
   * added within `maxWaitMs`; undefined when none came.
   */
  take(maxWaitMs: number): Promise<number | undefined>;
  /** Free slots now (for tests and metrics). */
  free(): number;
  /** How long marking a send in flight took: the next sends start their mark that much early. */
  noteMark(ms: number): void;
  /** How long before its slot a send starts its mark (recent marks, with room; at most 1 s). */
  markLeadMs(): number;
  /** Slots added, taken, dropped unused, and takes that found none in time, so far. */
  counts(): SlotCounts;
  /** How late after its slot a send may still go: a slot older than that is dropped. */
  readonly lateLimitMs: number;
}

export interface SlotCounts {
  readonly added: number;
  readonly taken: number;
  readonly dropped: number;
  readonly missed: number;
}

/**
 * @example const slots = sendSlots(); slots.add(Date.now() + 3000); const at = await slots.take(6000);
 */
export function sendSlots(
  now: () => number = Date.now,
  lateLimitMs: number = SEND_LATE_LIMIT_MS,
): SendSlots {
  const pool: number[] = []; // ascending
  const waiters: Waiter[] = [];
  let markMs = 20; // a moving average of recent marks
  const counts = { added: 0, taken: 0, dropped: 0, missed: 0 };
  const prune = () => {
    const cut = now() - lateLimitMs;
    while (pool.length > 0 && (pool[0] as number) < cut) {
      pool.shift();
      counts.dropped++;
    }
  };
  return {
    add(at) {
      prune();
      counts.added++;
      const waiter = waiters.shift();
      if (waiter) {
        counts.taken++;
        return waiter(at);
      }
      const index = pool.findIndex((slot) => slot > at);
      if (index === -1) pool.push(at);
      else pool.splice(index, 0, at);
    },
    take(maxWaitMs) {
      prune();
      const slot = pool.shift();
      if (slot !== undefined) {
        counts.taken++;
        return Promise.resolve(slot);
      }
      return new Promise((resolve) => {
        const waiter: Waiter = (given) => {
          clearTimeout(timer);
          resolve(given);
        };
        const timer = setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index !== -1) waiters.splice(index, 1);
          counts.missed++;
          resolve(undefined);
        }, maxWaitMs);
        waiters.push(waiter);
      });
    },
    free: () => {
      prune();
      return pool.length;
    },
    noteMark(ms) {
      markMs = markMs * 0.8 + Math.max(0, ms) * 0.2;
    },
    markLeadMs: () => Math.min(1_000, Math.ceil(markMs * 3) + 20),
    counts: () => ({ ...counts }),
    lateLimitMs,
  };
}

/** Waits until `at` (ms since the epoch). */
export function sleepUntil(at: number, now: () => number = Date.now): Promise<void> {
  const wait = at - now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}
