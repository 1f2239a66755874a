// Calendar dates between core (ISO "YYYY-MM-DD" text) and `@db.Date` columns (a Date at 00:00 UTC).
import { type IsoDate, parseIsoDate } from "../core/dates/index.ts";

/** "2026-03-31" -> the Date Prisma writes to a DATE column as 2026-03-31. Throws INVALID_DATE. */
export function toDbDate(date: IsoDate, field = "date"): Date {
  return new Date(`${parseIsoDate(date, field)}T00:00:00.000Z`);
}

/** A DATE column's value -> "YYYY-MM-DD" (read in UTC, never in the process's time zone). */
export function fromDbDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}
