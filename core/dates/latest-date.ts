// The latest calendar date anywhere on Earth: nothing that has happened can be dated after it.
import { localDate } from "./local-date.ts";

/** UTC+14 (the Line Islands) is the first zone into each new day; IANA spells it Etc/GMT-14. */
const FIRST_ZONE_INTO_THE_DAY = "Etc/GMT-14";

/** Today's date in the zone that is furthest ahead: a payment dated later is in the future everywhere. */
export function latestDateAnywhere(now: Date): string {
  return localDate(now, FIRST_ZONE_INTO_THE_DAY);
}
