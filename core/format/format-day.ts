// Calendar dates for borrowers: weekday and date in their language, the year only when it differs.
import { DateTime } from "luxon";
import type { IsoDate } from "../dates/iso-date.ts";
import type { Language } from "../intents/types.ts";

const SAME_YEAR: Readonly<Record<Language, string>> = {
  en: "cccc, MMMM d",
  "zh-CN": "M月d日 cccc",
};
const OTHER_YEAR: Readonly<Record<Language, string>> = {
  en: "cccc, MMMM d, yyyy",
  "zh-CN": "yyyy年M月d日 cccc",
};

/**
 * A due date as a borrower reads it. Due dates are calendar dates, so no zone shifts them.
 * @example formatDay("2026-03-06", "en", "2026-03-01") // "Friday, March 6"
 * @example formatDay("2027-01-15", "zh-CN", "2026-03-01") // "2027年1月15日 星期五"
 */
export function formatDay(date: IsoDate, language: Language, today: IsoDate): string {
  const pattern = date.slice(0, 4) === today.slice(0, 4) ? SAME_YEAR : OTHER_YEAR;
  return DateTime.fromISO(date, { zone: "UTC", locale: language }).toFormat(pattern[language]);
}

/** The weekday's name alone, for a short button label: "Friday" / "星期五". */
export function formatWeekday(date: IsoDate, language: Language): string {
  return DateTime.fromISO(date, { zone: "UTC", locale: language }).toFormat("cccc");
}
