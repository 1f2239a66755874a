// Today's calendar date where the borrower lives: the date a waiver or a plan is written on.
import { DateTime } from "luxon";
import type { IsoDate } from "../dates/iso-date.ts";

/** The local date of `at` (UTC ISO) in `timeZone`; UTC's date when the zone is unknown. */
export function borrowerToday(at: string, timeZone: string): IsoDate {
  const instant = new Date(at);
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return (
    local.isValid ? local : DateTime.fromJSDate(instant, { zone: "utc" })
  ).toISODate() as IsoDate;
}
