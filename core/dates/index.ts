// Public API of dates: ISO calendar dates, day arithmetic, and today's date in a time zone.
export {
  addDays,
  addMonths,
  dayOfMonth,
  days360,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  type IsoDate,
  isIsoDate,
  isLeapYear,
  maxDate,
  minDate,
  parseIsoDate,
  weekday,
} from "./iso-date.ts";
export { latestDateAnywhere } from "./latest-date.ts";
export { localDate } from "./local-date.ts";
