// When the planner should look at a loan again: the window opening on its next cadence date.
import { DateTime } from "luxon";
import type { IsoDate } from "../dates/iso-date.ts";
import { zoneFor } from "../dates/time-zone.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import { type CadenceContext, nextOpportunityAt } from "./cadence.ts";
import type { PolicyPause } from "./inputs.ts";
import type { ContactProfile } from "./profiles.ts";
import { nextSendWindowAt } from "./send-window.ts";

/** A loan with nothing ahead in its cadence (paid off, or suppressed for good) is re-read weekly. */
export const RECHECK_DAYS = 7;
const MINUTE_MS = 60_000;

/** Openings already found, per profile (profiles are frozen), by zone and date. */
const openings = new WeakMap<ContactProfile, Map<string, string>>();
/** Openings remembered per profile before the memory starts again. */
const MAX_OPENINGS = 10_000;

/**
 * The instant the send window opens on a borrower-local date (holidays skipped). Remembered
 * per profile, zone and date: a planner pass asks the same few thousand times.
 */
export function windowOpeningAt(date: IsoDate, timeZone: string, profile: ContactProfile): string {
  let known = openings.get(profile);
  if (!known) {
    known = new Map();
    openings.set(profile, known);
  }
  const key = `${timeZone} ${date}`;
  let opening = known.get(key);
  if (opening === undefined) {
    const midnight = DateTime.fromISO(date, { zone: zoneFor(timeZone) })
      .toUTC()
      .toISO() as string;
    opening = nextSendWindowAt(midnight, timeZone, profile);
    if (known.size >= MAX_OPENINGS) known.clear();
    known.set(key, opening);
  }
  return opening;
}

function later(at: string, now: string): string {
  const floor = Date.parse(now) + MINUTE_MS;
  return Date.parse(at) >= floor ? at : new Date(floor).toISOString();
}

/** The cadence as decide() sees it for one loan: today, the profile, plan and promise. */
export function cadenceContext(
  today: IsoDate,
  pauses: readonly PolicyPause[],
  profile: ContactProfile,
): CadenceContext {
  const promised = pauses
    .filter((p) => p.reason === "promise" && p.until !== undefined)
    .map((p) => p.until as IsoDate)
    .sort()
    .at(-1);
  const onPlan = pauses.some((p) => p.reason === "plan" && (p.until ?? today) >= today);
  return { today, profile, onPlan, ...(promised ? { promisedDate: promised } : {}) };
}

/**
 * After today's decision is made (sent, or suppressed): the window opening on the first
 * cadence date after `today`, else a recheck in RECHECK_DAYS. Always after `now`, so a tick
 * never meets the same loan twice.
 */
export function nextNudgeAfterToday(
  state: LoanState,
  today: IsoDate,
  pauses: readonly PolicyPause[],
  profile: ContactProfile,
  timeZone: string,
  now: string,
): string {
  const date = nextOpportunityAt(state, {
    ...cadenceContext(today, pauses, profile),
    lastNudgeOn: today,
  });
  const at =
    date === undefined
      ? new Date(Date.parse(now) + RECHECK_DAYS * 86_400_000).toISOString()
      : windowOpeningAt(date, timeZone, profile);
  return later(at, now);
}

/** A deferral's `until`, never at or before `now`. */
export function deferredUntil(until: string, now: string): string {
  return later(until, now);
}
