// Instants (epoch ms) and the borrower's local dates and clock times, DST-correct through luxon.
import { DateTime } from "luxon";
import { type IsoDate, isIsoDate } from "../dates/iso-date.ts";
import { zoneFor } from "../dates/time-zone.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant that names its offset ("...Z" or "...+08:00") to epoch ms. */
export function parseInstant(text: string, field = "at"): number {
  const match = typeof text === "string" ? INSTANT.exec(text) : null;
  const ms = match && isIsoDate(match[1] as string) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new DomainError(
      ErrorCode.InvalidInstant,
      `${field}: "${text}" is not an ISO instant with an offset`,
      { field, text },
    );
  }
  return ms;
}

/** Epoch ms as a UTC ISO instant: "2026-03-08T13:00:00.000Z". */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}

export function assertTimeZone(timeZone: string): void {
  if (
    typeof timeZone !== "string" ||
    !DateTime.fromMillis(0, { zone: zoneFor(timeZone) }).isValid
  ) {
    throw new DomainError(ErrorCode.InvalidTimeZone, `"${timeZone}" is not a known time zone`, {
      timeZone,
    });
  }
}

function local(ms: number, timeZone: string): DateTime {
  return DateTime.fromMillis(ms, { zone: zoneFor(timeZone) });
}

export function localDateOf(ms: number, timeZone: string): IsoDate {
  return local(ms, timeZone).toISODate() as IsoDate;
}

/** The local date and its wall-clock minutes after midnight (21:30 is 1290). */
export function localClockOf(ms: number, timeZone: string): { date: IsoDate; minute: number } {
  const value = local(ms, timeZone);
  return { date: value.toISODate() as IsoDate, minute: value.hour * 60 + value.minute };
}

/**
 * One borrower's calendar with every zone conversion remembered: luxon's offset lookups are
 * the costly part of a decision, and a search for the next opening asks the same ones again.
 */
export interface LocalCalendar {
  readonly timeZone: string;
  clockAt(ms: number): { readonly date: IsoDate; readonly minute: number };
  startOf(date: IsoDate): number;
  timeOn(date: IsoDate, minute: number): number;
}

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

export function localCalendar(timeZone: string): LocalCalendar {
  assertTimeZone(timeZone);
  const clockAt = memo((ms: number) => localClockOf(ms, timeZone));
  const startOf = memo((date: IsoDate) => startOfLocalDate(date, timeZone));
  const timeOn = memo((key: string) => {
    const [date, minute] = key.split("@") as [IsoDate, string];
    return localTimeOn(date, Number(minute), timeZone);
  });
  return { timeZone, clockAt, startOf, timeOn: (date, minute) => timeOn(`${date}@${minute}`) };
}

/** Local dates and times remembered across calls before the memory starts again. */
const MAX_REMEMBERED = 50_000;
const startsOfDates = new Map<string, number>();
const timesOnDates = new Map<string, number>();

/**
 * `compute()` remembered under `key`. The answers depend only on the key (a zone's rules do
 * not change while the process runs), so a remembered one is never stale; every borrower in a
 * zone shares the one lookup per date instead of one luxon DateTime per decision.
 */
function remembered(cache: Map<string, number>, key: string, compute: () => number): number {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= MAX_REMEMBERED) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** The instant the local date begins (its first existing minute when midnight is skipped). */
export function startOfLocalDate(date: IsoDate, timeZone: string): number {
  return remembered(startsOfDates, `${timeZone}@${date}`, () =>
    DateTime.fromISO(date, { zone: zoneFor(timeZone) }).toMillis(),
  );
}

/** The instant of `minute` past midnight on a local date; a time skipped by DST moves later. */
export function localTimeOn(date: IsoDate, minute: number, timeZone: string): number {
  return remembered(timesOnDates, `${timeZone}@${date}@${minute}`, () => {
    const [year, month, day] = date.split("-").map(Number);
    return DateTime.fromObject(
      { year, month, day, hour: Math.floor(minute / 60), minute: minute % 60 },
      { zone: zoneFor(timeZone) },
    ).toMillis();
  });
}
