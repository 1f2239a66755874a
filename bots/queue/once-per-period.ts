// A scheduled job's work done at most once per period, whatever the queue delivers.
//
// BullMQ delivers at least once: a job whose lock was not renewed in time (a process killed, or
// an event loop blocked past the lock duration on a loaded machine) is moved back to wait and
// run again by another worker, and a job scheduler's iterations are re-run however often they
// stall. So the planner tick and the agents' digest claim their period in our database first
// (store.periods: the period's key is the primary key, the first claim wins) and only the
// winner works. A process that dies after its claim loses that period's run; the next period
// runs as usual: at most once, never twice.
import type { PeriodClaims } from "../../core/ports/index.ts";

/** A scheduled job as far as its period goes: the scheduler's iteration id names the period. */
export interface PeriodJob {
  readonly id?: string | undefined;
  readonly timestamp?: number;
}

/** Claims older than this are pruned after a planner tick: their periods are long past. */
export const PERIOD_CLAIMS_KEPT_DAYS = 7;

/**
 * The key of the job's period: the scheduler's name and the iteration's id (BullMQ gives each
 * iteration of a job scheduler its own id, kept when a stalled job is run again).
 * @example periodKey("agents-digest", { id: "repeat:agents-digest:1764979200000" })
 */
export function periodKey(scheduler: string, job: PeriodJob): string {
  return `${scheduler}:${job.id ?? `at-${job.timestamp ?? 0}`}`;
}

/**
 * Wraps a scheduled job's work: claims its period for `by`, runs `work` only when the claim was
 * this call's, and otherwise reports the run it skipped. Returns what `work` returned, or
 * `{ skipped: key }`.
 *
 * @example run(QUEUE_NAMES.digest, oncePerPeriod(store.periods, "agents-digest", me, post, log))
 */
export function oncePerPeriod<T>(
  periods: PeriodClaims,
  scheduler: string,
  by: string,
  work: (job: PeriodJob) => Promise<T>,
  log: (line: string) => void,
  clock: () => string = () => new Date().toISOString(),
): (job: PeriodJob) => Promise<T | { readonly skipped: string }> {
  return async (job) => {
    const key = periodKey(scheduler, job);
    if (!(await periods.claim(key, by, clock()))) {
      log(`${scheduler}: ${job.id ?? key} already done for its period, not run again`);
      return { skipped: key };
    }
    return work(job);
  };
}
