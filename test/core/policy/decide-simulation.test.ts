// 30 simulated days of a planner calling decide() at random moments: caps and ceilings hold.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../core/dates/iso-date.ts";
import type { LoanState } from "../../../core/ledger/loan-state.ts";
import {
  type ContactProfile,
  type ContactRecord,
  decide,
  effectiveWeeklyCap,
  HARD_CEILING_PER_7_DAYS,
} from "../../../core/policy/index.ts";
import type { Channel } from "../../../core/ports/index.ts";
import { CHANNELS, instant, iso, loanNear, localDate, profileNear, ZONES } from "./arbitraries.ts";
import { borrower } from "./builders.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;
const DAYS = 30;

interface Run {
  readonly zone: string;
  readonly start: number;
  readonly profile: ContactProfile;
  readonly loans: readonly LoanState[];
  /** Minutes between planner ticks, cycled. */
  readonly steps: readonly number[];
  /** Tick straight to the earliest `until` a deferral names, as a real planner would. */
  readonly followDeferrals: boolean;
  /** Agents' own messages and the borrower's, as offsets from the start. */
  readonly agentMessages: readonly number[];
  readonly inbound: readonly number[];
  readonly optOut?: { readonly after: number; readonly channel: Channel };
}

interface Sent {
  readonly at: number;
  readonly loanId: string;
  readonly channel: string;
  readonly optedOut: readonly string[];
}

const run: fc.Arbitrary<Run> = fc.tuple(fc.constantFrom(...ZONES), instant).chain(([zone, start]) =>
  fc.record(
    {
      zone: fc.constant(zone),
      start: fc.constant(start),
      profile: profileNear(start, zone),
      loans: fc.array(loanNear(localDate(start, zone)), { minLength: 1, maxLength: 3 }),
      steps: fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.integer({ min: 1, max: 59 }) },
          { weight: 4, arbitrary: fc.integer({ min: 60, max: 24 * 60 }) },
        ),
        { minLength: 5, maxLength: 40 },
      ),
      followDeferrals: fc.boolean(),
      agentMessages: fc.array(fc.integer({ min: 0, max: DAYS * DAY }), { maxLength: 12 }),
      inbound: fc.array(fc.integer({ min: 0, max: DAYS * DAY }), { maxLength: 3 }),
      optOut: fc.record({
        after: fc.integer({ min: 0, max: DAYS * DAY }),
        channel: fc.constantFrom(...CHANNELS),
      }),
    },
    {
      requiredKeys: [
        "zone",
        "start",
        "profile",
        "loans",
        "steps",
        "followDeferrals",
        "agentMessages",
        "inbound",
      ],
    },
  ),
);

/** Ticks a planner over 30 days, deciding every loan each tick; returns what went out. */
function simulate(r: Run): { sent: Sent[]; outbound: number[] } {
  const history: ContactRecord[] = [];
  const sent: Sent[] = [];
  const agents = r.agentMessages.map((offset) => r.start + offset);
  const outbound: number[] = [];
  let t = r.start;
  for (let tick = 0; t < r.start + DAYS * DAY; tick++) {
    for (const at of agents.filter((a) => a <= t && !outbound.includes(a))) {
      outbound.push(at);
      history.push({
        at: iso(at),
        loanId: "loan-1",
        borrowerId: "b-1",
        channel: "sms",
        automated: false,
      });
    }
    const optedOut: Channel[] = r.optOut && t >= r.start + r.optOut.after ? [r.optOut.channel] : [];
    const inbound = r.inbound
      .filter((offset) => r.start + offset <= t)
      .map((o) => ({ at: iso(r.start + o) }));
    let next = t + (r.steps[tick % r.steps.length] as number) * MINUTE;
    r.loans.forEach((loanState, k) => {
      const loanId = `loan-${k + 1}`;
      const channel = CHANNELS[(tick + k) % CHANNELS.length] as Channel;
      const decision = decide({
        loanId,
        loanState,
        borrower: borrower({ timeZone: r.zone, optedOutChannels: optedOut }),
        channel,
        contactHistory: history,
        inbound,
        pauses: [],
        handoffOpen: false,
        now: iso(t),
        profile: r.profile,
      });
      if (decision.decision === "send") {
        history.push({ at: iso(t), loanId, borrowerId: "b-1", channel, automated: true });
        sent.push({ at: t, loanId, channel, optedOut });
        outbound.push(t);
      }
      if (decision.decision === "defer" && r.followDeferrals) {
        next = Math.min(next, Date.parse(decision.until));
      }
    });
    t = next;
  }
  return { sent, outbound };
}

function countWithin(times: readonly number[], from: number, to: number): number {
  return times.filter((at) => at > from && at <= to).length;
}

describe("decide over a simulated month", () => {
  it("never exceeds the daily cap, the 7-day cap or the hard ceiling, and honours opt-outs", () => {
    // Also: at most one nudge per loan per local day, whatever the borrower-level daily cap.
    fc.assert(
      fc.property(run, (r) => {
        const { sent, outbound } = simulate(r);
        const times = sent.map((s) => s.at);
        const weekly = effectiveWeeklyCap(r.profile);
        const dates = sent.map((s) => localDate(s.at, r.zone));
        const loanDays = sent.map((s, i) => `${s.loanId} ${dates[i]}`);
        expect(new Set(loanDays).size).toBe(loanDays.length);
        for (const s of sent) {
          // Inside the window, never on an opted-out channel.
          const local = DateTime.fromMillis(s.at, { zone: r.zone });
          const clock = local.toFormat("HH:mm");
          expect(clock >= r.profile.window.opens && clock < r.profile.window.closes).toBe(true);
          expect(r.profile.holidays).not.toContain(local.toISODate());
          expect(s.optedOut).not.toContain(s.channel);
          // Every rolling 168 hours ending at a send.
          expect(countWithin(times, s.at - WEEK, s.at)).toBeLessThanOrEqual(weekly);
          expect(countWithin(outbound, s.at - WEEK, s.at)).toBeLessThanOrEqual(
            HARD_CEILING_PER_7_DAYS,
          );
        }
        for (const date of new Set(dates)) {
          // Every local day, and every 7 consecutive local days starting on it.
          expect(dates.filter((d) => d === date).length).toBeLessThanOrEqual(
            r.profile.maxNudgesPerDay,
          );
          const last = addDays(date, 6);
          expect(dates.filter((d) => d >= date && d <= last).length).toBeLessThanOrEqual(weekly);
        }
        expect(weekly).toBeLessThanOrEqual(HARD_CEILING_PER_7_DAYS);
      }),
      { numRuns: 200 },
    );
  });
});
