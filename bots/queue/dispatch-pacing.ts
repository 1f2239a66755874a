// How the nudges' bot-wide rate becomes limiter windows, jobs and send slots.
//
// The queue's global limiter starts one dispatch job per window across every process. Each
// start is a grant, and a grant costs a database round trip after the previous window ends
// (more when several processes contend for it). Paying that once per message kept a cluster
// of 3 processes near 0.84 of the rate and 6 near 0.71. So one job carries up to a second's
// worth of borrowers (`sendsPerJob`), and its start adds that many send slots, `slotSpacingMs`
// apart; the window is as long as those slots. Consecutive slots anywhere in the cluster are
// then at least `slotSpacingMs` apart, and a send goes at most SEND_LATE_LIMIT_MS after its
// slot, so rate + 1 sends are always more than a second apart: no rolling second holds more
// sends than the rate.

/**
 * How late after its slot a send may still go. The slots' spacing allows for SLOT_TOLERANCE_MS;
 * the difference is left for the time between the check and the request reaching the provider.
 */
export const SEND_LATE_LIMIT_MS = 30;

/** The lateness the slots' spacing allows for: (1000 + this) / rate ms between slots. */
export const SLOT_TOLERANCE_MS = 50;

export interface DispatchPacing {
  /** Borrowers' messages one dispatch job carries at most: a second's worth at the rate. */
  readonly sendsPerJob: number;
  /** Between a job's consecutive send slots, and between any two slots in the cluster at least. */
  readonly slotSpacingMs: number;
  /** The queue's limiter: one job start per window, the window as long as its slots. */
  readonly limiter: { readonly max: 1; readonly duration: number };
}

/**
 * @example dispatchPacing(10) // { sendsPerJob: 10, slotSpacingMs: 105, limiter: { max: 1, duration: 1050 } }
 */
export function dispatchPacing(perSecond: number): DispatchPacing {
  if (!(perSecond > 0)) throw new RangeError(`nudges per second must be above 0, got ${perSecond}`);
  const sendsPerJob = Math.max(1, Math.floor(perSecond));
  const slotSpacingMs = (1000 + SLOT_TOLERANCE_MS) / perSecond;
  return {
    sendsPerJob,
    slotSpacingMs,
    limiter: { max: 1, duration: Math.ceil(sendsPerJob * slotSpacingMs) },
  };
}

/** The slots a job started at `start` adds: `delayMs` after it, then one every spacing. */
export function slotsOfJob(start: number, delayMs: number, pacing: DispatchPacing): number[] {
  return Array.from(
    { length: pacing.sendsPerJob },
    (_, index) => start + delayMs + index * pacing.slotSpacingMs,
  );
}

/**
 * Dispatch jobs one process runs at once, by default: each lives its slot delay plus its slots,
 * one starts per window cluster-wide; twice that, so one process can use the whole rate.
 */
export function defaultConcurrency(pacing: DispatchPacing, slotDelayMs: number): number {
  const window = pacing.limiter.duration;
  return Math.max(4, Math.ceil((2 * (slotDelayMs + window)) / window));
}
