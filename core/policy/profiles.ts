// Contact profiles as data: send window, caps, cool-down, cadence and holidays per jurisdiction.
import { type IsoDate, isIsoDate } from "../dates/iso-date.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";

/**
 * No profile may nudge a borrower more than this many times in any rolling 7 days (Reg F's
 * 7-in-7, applied to every channel). decide() enforces it whatever a profile says.
 */
export const HARD_CEILING_PER_7_DAYS = 7;

/** Local wall-clock times "HH:MM"; a nudge may go out from `opens` up to, not at, `closes`. */
export interface SendWindow {
  readonly opens: string;
  readonly closes: string;
}

/** Days relative to a due date on which a nudge falls due. */
export interface CadenceRules {
  /** Days before the due date: [3] is T-3. */
  readonly preDueDays: readonly number[];
  /** Days past due with a fixed nudge: [1, 3, 7]. */
  readonly overdueDays: readonly number[];
  /** After the last fixed day, one more every this many days: 7 gives +14, +21, ... */
  readonly thenEveryDays: number;
  /** From this many days past due each nudge offers a plan (and this day is a slot itself). */
  readonly planOfferFromDays: number;
  /** From this many days past due the loan goes to an agent as well. */
  readonly escalateFromDays: number;
}

export interface ContactProfile {
  readonly name: string;
  readonly window: SendWindow;
  /** Automated nudges per borrower-local day, across all the borrower's loans. */
  readonly maxNudgesPerDay: number;
  /** Automated nudges per rolling 7 days across the borrower's loans; capped by the ceiling. */
  readonly maxNudgesPer7Days: number;
  /** Quiet time after the borrower last wrote to us. */
  readonly coolDownHours: number;
  /** A promise to pay keeps nudges paused through the promised date plus these days. */
  readonly promiseGraceDays: number;
  readonly cadence: CadenceRules;
  /** Borrower-local dates with no nudges at all, treated like quiet hours all day. */
  readonly holidays: readonly IsoDate[];
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight for "HH:MM". */
export function minutesOf(time: string): number {
  const match = HH_MM.exec(time);
  if (!match) return Number.NaN;
  return Number(match[1]) * 60 + Number(match[2]);
}

function invalid(name: string, field: string, value: unknown): never {
  throw new DomainError(ErrorCode.InvalidProfile, `profile "${name}": invalid ${field}`, {
    profile: name,
    field,
    value,
  });
}

function checkCount(name: string, field: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) invalid(name, field, value);
}

function checkDays(name: string, field: string, days: readonly number[], min: number): void {
  const ascending = days.every((d, i) => i === 0 || d > (days[i - 1] as number));
  if (!ascending || days.some((d) => !Number.isInteger(d) || d < min)) invalid(name, field, days);
}

/**
 * Checks a profile and freezes it. A weekly cap above the hard ceiling is kept as written (so
 * an audit shows what was asked) and clamped when deciding, with the reason HARD_CEILING.
 *
 * @example defineProfile({ ...contactProfiles.cn, name: "cn-2026", holidays: ["2026-10-01"] })
 */
export function defineProfile(profile: ContactProfile): ContactProfile {
  const { name, window, cadence } = profile;
  const opens = minutesOf(window.opens);
  const closes = minutesOf(window.closes);
  if (!(opens < closes)) invalid(name, "window", window);
  checkCount(name, "maxNudgesPerDay", profile.maxNudgesPerDay, 1);
  checkCount(name, "maxNudgesPer7Days", profile.maxNudgesPer7Days, 1);
  checkCount(name, "coolDownHours", profile.coolDownHours, 0);
  checkCount(name, "promiseGraceDays", profile.promiseGraceDays, 0);
  checkDays(name, "cadence.preDueDays", cadence.preDueDays, 1);
  checkDays(name, "cadence.overdueDays", cadence.overdueDays, 1);
  if (cadence.overdueDays.length === 0) invalid(name, "cadence.overdueDays", []);
  checkCount(name, "cadence.thenEveryDays", cadence.thenEveryDays, 1);
  checkCount(name, "cadence.planOfferFromDays", cadence.planOfferFromDays, 1);
  checkCount(name, "cadence.escalateFromDays", cadence.escalateFromDays, 1);
  const badHoliday = profile.holidays.find((d) => !isIsoDate(d));
  if (badHoliday !== undefined) invalid(name, "holidays", badHoliday);
  return Object.freeze({
    ...profile,
    window: Object.freeze({ ...window }),
    cadence: Object.freeze({
      ...cadence,
      preDueDays: Object.freeze([...cadence.preDueDays]),
      overdueDays: Object.freeze([...cadence.overdueDays]),
    }),
    holidays: Object.freeze([...profile.holidays].sort()),
  });
}

const CADENCE: CadenceRules = {
  preDueDays: [3],
  overdueDays: [1, 3, 7],
  thenEveryDays: 7,
  planOfferFromDays: 10,
  escalateFromDays: 30,
};

/** The strictest: stricter than any law we know of, used when nothing else is configured. */
const DEFAULT = defineProfile({
  name: "default",
  window: { opens: "09:00", closes: "20:00" },
  maxNudgesPerDay: 1,
  maxNudgesPer7Days: 3,
  coolDownHours: 72,
  promiseGraceDays: 2,
  cadence: CADENCE,
  holidays: [],
});

/** US Regulation F: 08:00–21:00 local (12 CFR 1006.6(b)(1)(i)) and at most 7 in 7 days. */
const US_REG_F = defineProfile({
  ...DEFAULT,
  name: "us-reg-f",
  window: { opens: "08:00", closes: "21:00" },
  maxNudgesPer7Days: 7,
});

/** China: 08:00–22:00 local (GB/T 45251-2025, CBA 2026 guideline); holidays are per lender. */
const CN = defineProfile({
  ...DEFAULT,
  name: "cn",
  window: { opens: "08:00", closes: "22:00" },
});

export const contactProfiles = {
  default: DEFAULT,
  "us-reg-f": US_REG_F,
  cn: CN,
} as const satisfies Readonly<Record<string, ContactProfile>>;

export type ProfileName = keyof typeof contactProfiles;

/** Looks a built-in profile up by name; throws UNKNOWN_PROFILE otherwise. */
export function contactProfile(name: string): ContactProfile {
  const found = Object.hasOwn(contactProfiles, name)
    ? contactProfiles[name as ProfileName]
    : undefined;
  if (!found) {
    throw new DomainError(ErrorCode.UnknownProfile, `unknown contact profile "${name}"`, {
      name,
      known: Object.keys(contactProfiles),
    });
  }
  return found;
}

/** The 7-day cap decide() applies: the profile's own, never above the hard ceiling. */
export function effectiveWeeklyCap(profile: ContactProfile): number {
  return Math.min(profile.maxNudgesPer7Days, HARD_CEILING_PER_7_DAYS);
}
