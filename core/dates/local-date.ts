// Today's calendar date in a borrower's time zone.
import { DateTime } from "luxon";
import { zoneFor } from "./time-zone.ts";

/**
 * The last instant asked per zone and its date there: a planner pass asks for every loan's
 * today at one instant, so luxon is asked once per zone, not once per loan.
 */
const lastAsked = new Map<string, { readonly at: number; readonly date: string }>();

/** Zone names remembered before the memory starts again (the IANA database has about 600). */
const MAX_ZONES = 1_000;

export function localDate(now: Date, timeZone: string): string {
  const at = now.getTime();
  const known = lastAsked.get(timeZone);
  if (known !== undefined && known.at === at) return known.date;
  const local = DateTime.fromJSDate(now, { zone: zoneFor(timeZone) });
  const date = (
    local.isValid ? local : DateTime.fromJSDate(now, { zone: "utc" })
  ).toISODate() as string;
  if (Number.isNaN(at)) return date;
  if (lastAsked.size >= MAX_ZONES) lastAsked.clear();
  lastAsked.set(timeZone, { at, date });
  return date;
}
