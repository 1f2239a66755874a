// decide() and how often: daily and 7-day caps shared across loans, the hard ceiling, cool-down.
import { describe, expect, it } from "vitest";
import {
  contactProfiles,
  decide,
  defineProfile,
  effectiveWeeklyCap,
} from "../../../core/policy/index.ts";
import { contact, decideInput } from "./builders.ts";

/** Automated nudges about another loan of the same borrower at 10:00 New York time. */
function nudgesAt10(dates: readonly string[], automated = true) {
  return dates.map((date) => contact(`${date}T10:00:00-05:00`, { loanId: "loan-2", automated }));
}

const SIX_DAYS_BEFORE = [
  "2026-02-26",
  "2026-02-27",
  "2026-02-28",
  "2026-03-01",
  "2026-03-02",
  "2026-03-03",
];

describe("decide: daily cap", () => {
  it("defers a second nudge on the same local day, even about another loan, to tomorrow 09:00", () => {
    const decision = decide(decideInput({ contactHistory: nudgesAt10(["2026-03-04"]) }));
    expect(decision).toEqual({
      decision: "defer",
      until: "2026-03-05T14:00:00.000Z",
      reasons: ["DAILY_CAP"],
    });
  });

  it("does not count an agent's message against the daily cap", () => {
    const history = nudgesAt10(["2026-03-04"], false);
    expect(decide(decideInput({ contactHistory: history })).decision).toBe("send");
  });

  it("counts one message about two loans once", () => {
    const profile = defineProfile({
      ...contactProfiles.default,
      name: "two-a-day",
      maxNudgesPerDay: 2,
    });
    const at = "2026-03-04T10:00:00-05:00";
    const oneMessage = [
      contact(at, { loanId: "loan-2", messageId: "m-1" }),
      contact(at, { loanId: "loan-3", messageId: "m-1" }),
    ];
    expect(decide(decideInput({ profile, contactHistory: oneMessage })).decision).toBe("send");
    const twoMessages = [
      contact(at, { loanId: "loan-2", messageId: "m-1" }),
      contact(at, { loanId: "loan-3", messageId: "m-2" }),
    ];
    expect(decide(decideInput({ profile, contactHistory: twoMessages })).decision).toBe("defer");
  });

  it("ignores messages to other borrowers", () => {
    const history = [contact("2026-03-04T10:00:00-05:00", { borrowerId: "b-2", loanId: "loan-9" })];
    expect(decide(decideInput({ contactHistory: history })).decision).toBe("send");
  });
});

describe("decide: 7-day cap and hard ceiling", () => {
  it("defers the fourth nudge in 7 days until the oldest is 168 hours old", () => {
    const history = nudgesAt10(["2026-02-26", "2026-02-27", "2026-02-28"]);
    expect(decide(decideInput({ contactHistory: history }))).toEqual({
      decision: "defer",
      until: "2026-03-05T15:00:00.000Z",
      reasons: ["WEEKLY_CAP"],
    });
  });

  it("counts 168 hours across a DST change: 10:00 EST plus 7 days is 11:00 EDT", () => {
    const history = nudgesAt10(["2026-03-01", "2026-03-02", "2026-03-03"]);
    const input = decideInput({ contactHistory: history, now: "2026-03-07T15:00:00-05:00" });
    expect(decide(input)).toMatchObject({ decision: "defer", until: "2026-03-08T15:00:00.000Z" });
  });

  it("clamps a profile asking for 10 nudges a week to the hard ceiling of 7", () => {
    const generous = defineProfile({
      ...contactProfiles.default,
      name: "too-many",
      maxNudgesPerDay: 2,
      maxNudgesPer7Days: 10,
    });
    expect(generous.maxNudgesPer7Days).toBe(10);
    expect(effectiveWeeklyCap(generous)).toBe(7);
    const sixSent = decideInput({ profile: generous, contactHistory: nudgesAt10(SIX_DAYS_BEFORE) });
    expect(decide(sixSent).decision).toBe("send");
    const seventh = contact("2026-03-04T09:30:00-05:00", { loanId: "loan-2" });
    const sevenSent = { ...sixSent, contactHistory: [...sixSent.contactHistory, seventh] };
    expect(decide(sevenSent)).toEqual({
      decision: "defer",
      until: "2026-03-05T15:00:00.000Z",
      reasons: ["HARD_CEILING"],
    });
  });

  it("counts agents' messages against the hard ceiling but not the profile's cap", () => {
    const history = [
      ...nudgesAt10(SIX_DAYS_BEFORE, false),
      contact("2026-03-04T09:30:00-05:00", { automated: false }),
    ];
    expect(decide(decideInput({ contactHistory: history }))).toMatchObject({
      decision: "defer",
      reasons: ["HARD_CEILING"],
    });
  });

  it("reports both when the profile's cap is the ceiling itself", () => {
    const regF = contactProfiles["us-reg-f"];
    const history = [
      ...nudgesAt10(SIX_DAYS_BEFORE),
      contact("2026-02-26T08:00:00-05:00", { loanId: "loan-3" }),
    ];
    expect(decide(decideInput({ profile: regF, contactHistory: history }))).toMatchObject({
      decision: "defer",
      reasons: ["HARD_CEILING", "WEEKLY_CAP"],
    });
  });
});

describe("decide: cool-down after the borrower writes", () => {
  it("waits 72 hours after the borrower's last message", () => {
    const input = decideInput({ inbound: [{ at: "2026-03-03T12:00:00-05:00" }] });
    expect(decide(input)).toEqual({
      decision: "defer",
      until: "2026-03-06T17:00:00.000Z",
      reasons: ["COOL_DOWN"],
    });
  });

  it("moves a cool-down ending at 22:00 to the next morning's opening", () => {
    const input = decideInput({ inbound: [{ at: "2026-03-02T22:00:00-05:00" }] });
    expect(decide(input)).toEqual({
      decision: "defer",
      until: "2026-03-06T14:00:00.000Z",
      reasons: ["COOL_DOWN", "QUIET_HOURS"],
    });
  });

  it("sends once the cool-down is over", () => {
    const input = decideInput({ inbound: [{ at: "2026-03-01T14:00:00-05:00" }] });
    expect(decide(input).decision).toBe("send");
  });
});
