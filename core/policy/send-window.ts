// Quiet hours and holidays: nudges go out only inside the local send window on a working day.
import { addDays, type IsoDate } from "../dates/iso-date.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type Block, blockUntil } from "./block.ts";
import { formatInstant, type LocalCalendar, localCalendar, parseInstant } from "./local-time.ts";
import { type ContactProfile, minutesOf } from "./profiles.ts";

const MINUTE_MS = 60_000;

/** A zone that skipped a whole day (Kiritimati, 1994) can put an opening behind us: step on. */
function ahead(release: number, ms: number): number {
  return release > ms ? release : ms + MINUTE_MS;
}

/** The instant the send window opens on a local date. */
export function windowOpeningOn(
  date: IsoDate,
  calendar: LocalCalendar,
  profile: ContactProfile,
): number {
  return calendar.timeOn(date, minutesOf(profile.window.opens));
}

/** QUIET_HOURS until the next window opening when `ms` is outside the local send window. */
export function quietHoursBlock(
  ms: number,
  calendar: LocalCalendar,
  profile: ContactProfile,
): Block | undefined {
  const opens = minutesOf(profile.window.opens);
  const closes = minutesOf(profile.window.closes);
  const { date, minute } = calendar.clockAt(ms);
  if (minute >= opens && minute < closes) return undefined;
  const day = minute < opens ? date : addDays(date, 1);
  return blockUntil("QUIET_HOURS", ahead(windowOpeningOn(day, calendar, profile), ms));
}

/** HOLIDAY until the next day's window opening when `ms` falls on one of the profile's holidays. */
export function holidayBlock(
  ms: number,
  calendar: LocalCalendar,
  profile: ContactProfile,
): Block | undefined {
  const { date } = calendar.clockAt(ms);
  if (!profile.holidays.includes(date)) return undefined;
  return blockUntil("HOLIDAY", ahead(windowOpeningOn(addDays(date, 1), calendar, profile), ms));
}

/** Whether a nudge may go out at `at` as far as the clock is concerned (window and holidays). */
export function isInsideSendWindow(at: string, timeZone: string, profile: ContactProfile): boolean {
  const calendar = localCalendar(timeZone);
  const ms = parseInstant(at, "at");
  return !quietHoursBlock(ms, calendar, profile) && !holidayBlock(ms, calendar, profile);
}

/**
 * The earliest instant at or after `from` inside the send window and not on a holiday: where
 * a planner puts `nextNudgeAt` for a local date (pass that date's midnight).
 */
export function nextSendWindowAt(from: string, timeZone: string, profile: ContactProfile): string {
  const calendar = localCalendar(timeZone);
  let ms = parseInstant(from, "from");
  for (let step = 0; step < 1000; step++) {
    const block = holidayBlock(ms, calendar, profile) ?? quietHoursBlock(ms, calendar, profile);
    if (!block?.releaseAt) return formatInstant(ms);
    ms = block.releaseAt;
  }
  throw new DomainError(
    ErrorCode.InvalidProfile,
    `profile "${profile.name}" leaves no day to send`,
    {
      profile: profile.name,
    },
  );
}
