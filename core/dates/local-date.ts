// Today's calendar date in a borrower's time zone.
import { DateTime } from "luxon";

export function localDate(now: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return (local.isValid ? local : DateTime.fromJSDate(now, { zone: "utc" })).toISODate() as string;
}
