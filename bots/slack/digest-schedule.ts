// Runs the agents' daily digest once a day at a local hour; the timer is injectable so tests need not wait a day.
import { DateTime, IANAZone } from "luxon";

/** Calls `run` once after `delayMs`; returns a function that cancels it. */
export type SetTimer = (run: () => void, delayMs: number) => () => void;

export interface DigestScheduleDeps {
  readonly slack: { postDigest(options?: { timeZone?: string }): Promise<void> };
  /** IANA zone the hour is read in (REPAY_SLACK_DIGEST_ZONE); default "UTC". */
  readonly timeZone?: string;
  /** Local hour, 0-23 (REPAY_SLACK_DIGEST_HOUR); default 9. */
  readonly hour?: number;
  readonly now?: () => Date;
  readonly setTimer?: SetTimer;
  readonly log?: (line: string) => void;
}

const realTimer: SetTimer = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  timer.unref();
  return () => clearTimeout(timer);
};

/** The first `hour`:00 in `timeZone` strictly after `after` (DST-aware: a day is not always 24 h). */
export function nextDigestAt(after: Date, timeZone: string, hour: number): Date {
  const local = DateTime.fromJSDate(after, { zone: timeZone });
  let next = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (next <= local) next = next.plus({ days: 1 }).set({ hour });
  return next.toJSDate();
}

/**
 * Posts the digest every day at `hour` local time until the returned stop function is called;
 * stop waits for a digest being posted to finish.
 *
 * @example
 * stops.push(startDigestSchedule({ slack, timeZone: "America/New_York", hour: 9, log }));
 */
export function startDigestSchedule(deps: DigestScheduleDeps): () => Promise<void> {
  const timeZone = deps.timeZone ?? "UTC";
  const hour = deps.hour ?? 9;
  if (!IANAZone.isValidZone(timeZone)) throw new Error(`digest: unknown time zone "${timeZone}"`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new Error(`digest: hour must be 0-23, not ${hour}`);
  const now = deps.now ?? (() => new Date());
  const setTimer = deps.setTimer ?? realTimer;
  const log = deps.log ?? ((line: string) => console.error(line));
  let cancel: (() => void) | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const schedule = (after: Date) => {
    if (stopped) return;
    const at = nextDigestAt(after, timeZone, hour);
    cancel = setTimer(
      () => {
        running = fire(at);
      },
      Math.max(0, at.getTime() - now().getTime()),
    );
  };

  const fire = async (due: Date) => {
    try {
      await deps.slack.postDigest({ timeZone });
    } catch (error) {
      log(`slack: daily digest failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    // A timer that fires a little early must not post the same day's digest twice.
    const current = now();
    schedule(current > due ? current : due);
  };

  schedule(now());
  return async () => {
    stopped = true;
    cancel?.();
    await running;
  };
}
