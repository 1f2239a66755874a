// Properties of decide() over random borrowers, zones, DST days, histories and clocks.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  type ContactProfile,
  type DecideInput,
  decide,
  REASON_CODES,
} from "../../../core/policy/index.ts";
import {
  borrowerArb,
  CHANNELS,
  historyBefore,
  inboundBefore,
  instant,
  loanNear,
  localDate,
  oneIn,
  pausesNear,
  profileNear,
  ZONES,
} from "./arbitraries.ts";

const RUNS = { numRuns: 300 };

/** Independent of the implementation: local clock and date read straight from luxon. */
function sendableAt(ms: number, zone: string, profile: ContactProfile): boolean {
  const local = DateTime.fromMillis(ms, { zone });
  const clock = local.toFormat("HH:mm");
  const date = local.toISODate() as string;
  return (
    clock >= profile.window.opens &&
    clock < profile.window.closes &&
    !profile.holidays.includes(date)
  );
}

const scenario: fc.Arbitrary<DecideInput> = fc
  .tuple(fc.constantFrom(...ZONES), instant)
  .chain(([zone, now]) => {
    const today = localDate(now, zone);
    return fc.record({
      loanId: fc.constant("loan-1"),
      loanState: loanNear(today),
      borrower: borrowerArb(zone),
      channel: fc.constantFrom(...CHANNELS),
      contactHistory: historyBefore(now),
      inbound: inboundBefore(now),
      pauses: pausesNear(today),
      handoffOpen: oneIn(15),
      now: fc.constant(new Date(now).toISOString()),
      profile: profileNear(now, zone),
    });
  });

describe("decide properties", () => {
  it("never sends outside the borrower's local window or on a holiday", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        // Asking again at a deferral's `until` turns most scenarios into a send to check.
        const first = decide(input);
        const at = first.decision === "defer" ? first.until : input.now;
        const decision = first.decision === "defer" ? decide({ ...input, now: at }) : first;
        if (decision.decision === "send") {
          expect(sendableAt(Date.parse(at), input.borrower.timeZone, input.profile)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("defers only to an instant inside the window, off holidays, after now", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const decision = decide(input);
        if (decision.decision !== "defer") return;
        const until = Date.parse(decision.until);
        expect(until).toBeGreaterThan(Date.parse(input.now));
        expect(sendableAt(until, input.borrower.timeZone, input.profile)).toBe(true);
      }),
      RUNS,
    );
  });

  it("defers to the earliest instant: it sends at `until` and not a millisecond before", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const decision = decide(input);
        if (decision.decision !== "defer") return;
        expect(decide({ ...input, now: decision.until }).decision).toBe("send");
        const justBefore = Date.parse(decision.until) - 1;
        if (justBefore > Date.parse(input.now)) {
          const early = decide({ ...input, now: new Date(justBefore).toISOString() });
          expect(early.decision).not.toBe("send");
        }
      }),
      RUNS,
    );
  });

  it("never sends on a channel the borrower opted out of", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const optedOut = {
          ...input,
          borrower: { ...input.borrower, optedOutChannels: [input.channel] },
        };
        const decision = decide(optedOut);
        expect(decision.decision).toBe("suppress");
        expect(decision.decision !== "send" && decision.reasons).toContain("OPTED_OUT");
      }),
      RUNS,
    );
  });

  it("explains every refusal with known reasons, strongest first", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const decision = decide(input);
        if (decision.decision === "send") return;
        expect(decision.reasons.length).toBeGreaterThan(0);
        const ranks = decision.reasons.map((r) => REASON_CODES.indexOf(r));
        expect(
          ranks.every((rank, i) => rank >= 0 && (i === 0 || rank > (ranks[i - 1] as number))),
        ).toBe(true);
      }),
      RUNS,
    );
  });
});
