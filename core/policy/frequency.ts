// Frequency limits shared by all of a borrower's loans: per local day, per 7 days, hard ceiling.
import { addDays } from "../dates/iso-date.ts";
import { type Block, blockFor, blockUntil } from "./block.ts";
import type { ContactLog } from "./contact-log.ts";
import type { LocalCalendar } from "./local-time.ts";
import { type ContactProfile, HARD_CEILING_PER_7_DAYS } from "./profiles.ts";
import type { ReasonCode } from "./reasons.ts";
import { windowOpeningOn } from "./send-window.ts";

export const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Blocks when `cap` messages already fall in the 7 days ending at `ms`, until enough of them
 * age out. Counting the trailing 168 hours covers any 7 consecutive local days as well.
 */
function rollingBlock(
  times: readonly number[],
  ms: number,
  cap: number,
  reason: ReasonCode,
): Block | undefined {
  if (cap < 1) return blockFor(reason);
  const recent = times.filter((at) => at > ms - SEVEN_DAYS_MS);
  if (recent.length < cap) return undefined;
  const mustAgeOut = recent[recent.length - cap] as number;
  return blockUntil(reason, mustAgeOut + SEVEN_DAYS_MS);
}

/**
 * DAILY_CAP when the borrower's local day already holds the profile's automated nudges, until
 * the window opens the next day (nothing could go out between midnight and then anyway).
 */
export function dailyCapBlock(
  log: ContactLog,
  ms: number,
  calendar: LocalCalendar,
  profile: ContactProfile,
): Block | undefined {
  if (profile.maxNudgesPerDay < 1) return blockFor("DAILY_CAP");
  const today = calendar.clockAt(ms).date;
  const tomorrow = addDays(today, 1);
  const start = calendar.startOf(today);
  const end = calendar.startOf(tomorrow);
  const count = log.automated.filter((at) => at >= start && at < end).length;
  if (count < profile.maxNudgesPerDay) return undefined;
  return blockUntil("DAILY_CAP", windowOpeningOn(tomorrow, calendar, profile));
}

/**
 * WEEKLY_CAP counts automated nudges against the profile's number; HARD_CEILING counts every
 * outbound message, agents' included, against 7, so a profile asking for more is clamped.
 */
export function weeklyBlocks(log: ContactLog, ms: number, profile: ContactProfile): Block[] {
  const blocks = [
    rollingBlock(log.all, ms, HARD_CEILING_PER_7_DAYS, "HARD_CEILING"),
    rollingBlock(log.automated, ms, profile.maxNudgesPer7Days, "WEEKLY_CAP"),
  ];
  return blocks.filter((b): b is Block => b !== undefined);
}
