// Pauses (promise, plan, dispute, agent hold, hardship): whether one is in force on a local date.
import { addDays, type IsoDate, parseIsoDate } from "../dates/iso-date.ts";
import type { Block } from "./block.ts";
import type { PolicyPause, PolicyPauseReason } from "./inputs.ts";
import type { ReasonCode } from "./reasons.ts";

const REASON: Readonly<Record<PolicyPauseReason, ReasonCode>> = {
  promise: "PAUSED_PROMISE",
  plan: "PAUSED_PLAN",
  dispute: "PAUSED_DISPUTE",
  agent_hold: "AGENT_HOLD",
  hardship: "FLAG_HARDSHIP",
};

/** The last paused local date, or undefined for an open-ended pause. */
function lastPausedDate(pause: PolicyPause, promiseGraceDays: number): IsoDate | undefined {
  if (pause.until === undefined) return undefined;
  return pause.reason === "promise" ? addDays(pause.until, promiseGraceDays) : pause.until;
}

/**
 * The block for pauses of one reason in force on `today`, lifting when the send window opens
 * (`opensOn`) on the day after the pause: the one lifting last wins, an
 * open-ended one suppresses. A dispute always suppresses while in force: it ends when a person
 * resolves it, not when a date passes.
 */
export function pauseBlock(
  pauses: readonly PolicyPause[],
  reason: PolicyPauseReason,
  today: IsoDate,
  promiseGraceDays: number,
  opensOn: (date: IsoDate) => number,
): Block | undefined {
  let latest: IsoDate | undefined;
  for (const pause of pauses) {
    if (pause.reason !== reason) continue;
    const last = lastPausedDate(pause, promiseGraceDays);
    if (last !== undefined && last < today) continue;
    if (last === undefined || reason === "dispute") return { reason: REASON[reason] };
    if (latest === undefined || last > latest) latest = last;
  }
  if (latest === undefined) return undefined;
  return { reason: REASON[reason], releaseAt: opensOn(addDays(latest, 1)) };
}

/** Throws INVALID_DATE unless every pause's `until` is a calendar date. */
export function assertPauses(pauses: readonly PolicyPause[]): void {
  pauses.forEach((pause, i) => {
    if (pause.until !== undefined) parseIsoDate(pause.until, `pauses[${i}].until`);
  });
}

/** The promised date of the most recent promise, kept after it lapses to spot a broken one. */
export function latestPromisedDate(pauses: readonly PolicyPause[]): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const pause of pauses) {
    if (pause.reason === "promise" && pause.until !== undefined) {
      if (latest === undefined || pause.until > latest) latest = pause.until;
    }
  }
  return latest;
}
