// Checks an IntentContext and finds "today" as a calendar date in the borrower's own time zone.
import { DateTime, IANAZone } from "luxon";
import type { IsoDate } from "../dates/iso-date.ts";
import { localDate } from "../dates/local-date.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type IntentContext, isLanguage } from "./types.ts";

// An instant needs its offset: without one luxon would read it in the host's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

function invalid(field: keyof IntentContext, value: unknown, expected: string): DomainError {
  return new DomainError(
    ErrorCode.InvalidIntentContext,
    `${field}: ${JSON.stringify(value)} is not ${expected}`,
    { field, value },
  );
}

// Checking a zone builds an Intl formatter, which costs more than reading the message itself.
const knownZones = new Map<string, boolean>();

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  let valid = knownZones.get(value);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(value);
    if (knownZones.size < 1_000) knownZones.set(value, valid);
  }
  return valid;
}

// A turn checks its instant and finds its local date more than once (the assistant, then the
// reading of its text); both are pure, so the last text's reading is kept.
let lastInstant: { value: string; ms: number } | undefined;

/**
 * Date#toISOString's own form, "2026-03-05T23:30:00.000Z": what the channels stamp a turn
 * with. Such a text is a valid instant exactly when the Date it parses to prints it back
 * unchanged (a day or hour out of range prints as another, or not at all).
 */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Milliseconds since the epoch of an ISO instant with an offset; NaN for any other text. */
function instantMs(value: string): number {
  if (lastInstant?.value === value) return lastInstant.ms;
  let ms = Number.NaN;
  if (INSTANT.test(value)) {
    const parsed = CANONICAL.test(value) ? Date.parse(value) : Number.NaN;
    if (!Number.isNaN(parsed) && new Date(parsed).toISOString() === value) ms = parsed;
    else {
      const read = DateTime.fromISO(value, { setZone: true });
      if (read.isValid) ms = read.toMillis();
    }
  }
  lastInstant = { value, ms };
  return ms;
}

export function isInstant(value: unknown): value is string {
  return typeof value === "string" && !Number.isNaN(instantMs(value));
}

/**
 * The borrower's local calendar date at `context.now`; throws INVALID_INTENT_CONTEXT naming the
 * bad field (`locale`, `timeZone` or `now`). The zone's offsets come from core/dates' remembered
 * zone (one Intl lookup per zone and hour), not from Intl at every call.
 * @example localToday({ locale: "zh-CN", timeZone: "Asia/Shanghai", now: "2026-03-05T23:30:00Z" }) // "2026-03-06"
 */
export function localToday(context: IntentContext): IsoDate {
  if (!isLanguage(context.locale)) throw invalid("locale", context.locale, "en or zh-CN");
  if (!isTimeZone(context.timeZone)) {
    throw invalid("timeZone", context.timeZone, "an IANA time zone");
  }
  if (!isInstant(context.now)) throw invalid("now", context.now, "an ISO instant with an offset");
  return localDate(new Date(instantMs(context.now)), context.timeZone) as IsoDate;
}
