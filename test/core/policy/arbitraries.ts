// fast-check generators for the policy properties: zones, DST-heavy clocks, profiles, histories.
import fc from "fast-check";
import { DateTime } from "luxon";
import { addDays, type IsoDate } from "../../../core/dates/iso-date.ts";
import type { LoanState } from "../../../core/ledger/loan-state.ts";
import {
  type ContactProfile,
  type ContactRecord,
  contactProfiles,
  defineProfile,
  type PolicyBorrower,
  type PolicyPause,
} from "../../../core/policy/index.ts";
import type { Channel } from "../../../core/ports/index.ts";
import { loanState } from "./builders.ts";

export const ZONES = [
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Shanghai",
  "Asia/Kathmandu",
] as const;

export const CHANNELS: readonly Channel[] = ["telegram", "sms"];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Instants when a clock in one of the zones jumps (2026): New York, London, Lord Howe. */
const DST_CHANGES = [
  "2026-03-08T07:00:00Z",
  "2026-11-01T06:00:00Z",
  "2026-03-29T01:00:00Z",
  "2026-10-25T01:00:00Z",
  "2026-04-04T15:00:00Z",
  "2026-10-03T15:30:00Z",
].map((at) => Date.parse(at));

/** Mostly within three days of a DST change, otherwise anywhere in 2025–2027. */
export const instant = fc.oneof(
  fc
    .tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -3 * DAY, max: 3 * DAY }))
    .map(([change, shift]) => change + shift),
  fc.integer({ min: Date.parse("2025-01-01T00:00:00Z"), max: Date.parse("2027-12-31T00:00:00Z") }),
);

export function localDate(ms: number, zone: string): IsoDate {
  return DateTime.fromMillis(ms, { zone }).toISODate() as IsoDate;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** A built-in profile, or a random one (caps up to 10 a week, past the ceiling) with holidays. */
export function profileNear(start: number, zone: string): fc.Arbitrary<ContactProfile> {
  const today = localDate(start, zone);
  const custom = fc
    .record({
      opens: fc.integer({ min: 12, max: 22 }).map((h) => h * 30),
      closes: fc.integer({ min: 34, max: 47 }).map((h) => h * 30),
      maxNudgesPerDay: fc.integer({ min: 1, max: 3 }),
      maxNudgesPer7Days: fc.integer({ min: 1, max: 10 }),
      coolDownHours: fc.integer({ min: 0, max: 96 }),
      promiseGraceDays: fc.integer({ min: 0, max: 3 }),
      dense: fc.boolean(),
      every: fc.integer({ min: 1, max: 7 }),
      holidays: fc.uniqueArray(fc.integer({ min: -8, max: 40 }), { maxLength: 8 }),
    })
    .map((p) =>
      defineProfile({
        name: "random",
        window: { opens: hhmm(p.opens), closes: hhmm(p.closes) },
        maxNudgesPerDay: p.maxNudgesPerDay,
        maxNudgesPer7Days: p.maxNudgesPer7Days,
        coolDownHours: p.coolDownHours,
        promiseGraceDays: p.promiseGraceDays,
        cadence: p.dense
          ? {
              ...contactProfiles.default.cadence,
              overdueDays: [1, 2, 3, 4, 5],
              thenEveryDays: p.every,
            }
          : contactProfiles.default.cadence,
        holidays: p.holidays.map((d) => addDays(today, d)),
      }),
    );
  return fc.oneof(fc.constantFrom(...Object.values(contactProfiles)), custom);
}

/** A loan as of a local date near `today`: current, overdue up to 60 days, or paid off. */
export function loanNear(today: IsoDate): fc.Arbitrary<LoanState> {
  return fc
    .record({
      stale: fc.integer({ min: 0, max: 3 }),
      daysPastDue: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
      nextDueIn: fc.integer({ min: 0, max: 35 }),
      paidOff: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    })
    .map(({ stale, daysPastDue, nextDueIn, paidOff }) => {
      const asOf = addDays(today, -stale);
      if (paidOff) return loanState({ asOf, paidOff: true });
      return daysPastDue > 0
        ? loanState({ asOf, daysPastDue })
        : loanState({ asOf, nextDue: addDays(asOf, nextDueIn) });
    });
}

/** True about one time in `n`. */
export const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((k) => k === 1);

/** Usually no channel, sometimes one of them. */
const someChannels = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Channel[]>([]) },
  { weight: 1, arbitrary: fc.constantFrom(...CHANNELS).map((c) => [c]) },
);

export const borrowerArb = (zone: string): fc.Arbitrary<PolicyBorrower> =>
  fc.record({
    id: fc.constant("b-1"),
    timeZone: fc.constant(zone),
    flags: fc.record({ deceased: oneIn(30), bankruptcy: oneIn(30), hardship: oneIn(30) }),
    optedOutChannels: someChannels,
    unreachableChannels: someChannels,
  });

export function pausesNear(today: IsoDate): fc.Arbitrary<PolicyPause[]> {
  const pause = fc.record(
    {
      reason: fc.constantFrom("promise", "plan", "dispute", "agent_hold", "hardship" as const),
      until: fc.integer({ min: -6, max: 12 }).map((d) => addDays(today, d)),
    },
    { requiredKeys: ["reason"] },
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<PolicyPause[]>([]) },
    { weight: 1, arbitrary: fc.array(pause, { minLength: 1, maxLength: 2 }) },
  );
}

/** Messages in the 9 days before `now` (some by agents, some about other loans). */
export function historyBefore(now: number): fc.Arbitrary<ContactRecord[]> {
  const record = fc
    .record({
      ago: fc.integer({ min: 0, max: 9 * DAY }),
      loanId: fc.constantFrom("loan-1", "loan-2", "loan-3"),
      channel: fc.constantFrom(...CHANNELS),
      automated: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
    })
    .map(({ ago, ...rest }) => ({ at: iso(now - ago), borrowerId: "b-1", ...rest }));
  return fc.array(record, { maxLength: 10 });
}

export function inboundBefore(now: number): fc.Arbitrary<{ at: string }[]> {
  const message = fc.integer({ min: 0, max: 5 * DAY }).map((ago) => ({ at: iso(now - ago) }));
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<{ at: string }[]>([]) },
    { weight: 1, arbitrary: fc.array(message, { minLength: 1, maxLength: 2 }) },
  );
}
