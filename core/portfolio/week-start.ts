// The Monday a date's week starts on: the portfolio counts collections by ISO week.
import { addDays, type IsoDate, weekday } from "../dates/iso-date.ts";

/** "2026-03-05" (a Thursday) -> "2026-03-02". */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekday(date));
}
