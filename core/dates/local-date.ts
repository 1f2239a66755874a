// Today's calendar date in a borrower's time zone.
import { DateTime } from "luxon";
import { zoneFor } from "./time-zone.ts";

export function localDate(now: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(now, { zone: zoneFor(timeZone) });
  return (local.isValid ? local : DateTime.fromJSDate(now, { zone: "utc" })).toISODate() as string;
}
