// decide() and the borrower's standing: flags, opt-outs, handoffs, pauses, and what is due.
import { describe, expect, it } from "vitest";
import { decide } from "../../../core/policy/index.ts";
import { borrower, contact, decideInput, loanState } from "./builders.ts";

const flags = { deceased: false, bankruptcy: false, hardship: false };

describe("decide: flags, opt-out and channels suppress", () => {
  it.each([
    ["deceased", "FLAG_DECEASED"],
    ["bankruptcy", "FLAG_BANKRUPTCY"],
    ["hardship", "FLAG_HARDSHIP"],
  ] as const)("suppresses every nudge to a borrower flagged %s", (flag, reason) => {
    const input = decideInput({ borrower: borrower({ flags: { ...flags, [flag]: true } }) });
    expect(decide(input)).toEqual({ decision: "suppress", reasons: [reason] });
  });

  it("suppresses nudges on a channel the borrower opted out of, and only that channel", () => {
    const optedOut = borrower({ optedOutChannels: ["telegram"] });
    expect(decide(decideInput({ borrower: optedOut }))).toEqual({
      decision: "suppress",
      reasons: ["OPTED_OUT"],
    });
    expect(decide(decideInput({ borrower: optedOut, channel: "sms" })).decision).toBe("send");
  });

  it("suppresses nudges on a channel that cannot reach the borrower", () => {
    const input = decideInput({ borrower: borrower({ unreachableChannels: ["telegram"] }) });
    expect(decide(input)).toEqual({ decision: "suppress", reasons: ["CHANNEL_UNREACHABLE"] });
  });

  it("suppresses automated nudges while an agent has the conversation", () => {
    expect(decide(decideInput({ handoffOpen: true }))).toEqual({
      decision: "suppress",
      reasons: ["HANDOFF_OPEN"],
    });
  });

  it("returns every reason that applies, strongest first, and suppresses", () => {
    const input = decideInput({
      borrower: borrower({ optedOutChannels: ["telegram"], flags: { ...flags, deceased: true } }),
      contactHistory: [contact("2026-03-04T10:00:00-05:00", { loanId: "loan-2" })],
      now: "2026-03-04T21:30:00-05:00",
    });
    expect(decide(input)).toEqual({
      decision: "suppress",
      reasons: ["FLAG_DECEASED", "OPTED_OUT", "DAILY_CAP", "QUIET_HOURS"],
    });
  });
});

describe("decide: pauses", () => {
  it("suppresses while a dispute is open, even one with a date", () => {
    for (const pause of [
      { reason: "dispute" as const },
      { reason: "dispute" as const, until: "2026-03-10" },
    ]) {
      expect(decide(decideInput({ pauses: [pause] }))).toEqual({
        decision: "suppress",
        reasons: ["PAUSED_DISPUTE"],
      });
    }
  });

  it("ignores a pause whose last day has passed", () => {
    const input = decideInput({ pauses: [{ reason: "dispute", until: "2026-03-03" }] });
    expect(decide(input).decision).toBe("send");
  });

  it("defers an agent hold with a date to the morning after it, suppresses an open one", () => {
    const dated = decideInput({ pauses: [{ reason: "agent_hold", until: "2026-03-05" }] });
    expect(decide(dated)).toEqual({
      decision: "defer",
      until: "2026-03-06T14:00:00.000Z",
      reasons: ["AGENT_HOLD"],
    });
    const open = decideInput({ pauses: [{ reason: "agent_hold" }] });
    expect(decide(open)).toEqual({ decision: "suppress", reasons: ["AGENT_HOLD"] });
  });

  it("defers a hardship pause with a date under FLAG_HARDSHIP", () => {
    const input = decideInput({ pauses: [{ reason: "hardship", until: "2026-03-05" }] });
    expect(decide(input)).toMatchObject({ decision: "defer", reasons: ["FLAG_HARDSHIP"] });
  });

  it("keeps quiet through a promised date plus 2 days' grace, then nudges about the broken promise", () => {
    const input = decideInput({ pauses: [{ reason: "promise", until: "2026-03-05" }] });
    const decision = decide(input);
    // Paused through 7 March; 8 March is the spring-forward day, so 09:00 is 13:00 UTC.
    expect(decision).toEqual({
      decision: "defer",
      until: "2026-03-08T13:00:00.000Z",
      reasons: ["PAUSED_PROMISE"],
    });
    const later = decide({ ...input, now: "2026-03-08T13:00:00.000Z" });
    expect(later).toMatchObject({
      decision: "send",
      opportunity: { slot: { kind: "broken_promise", date: "2026-03-08" } },
    });
  });

  it("suppresses under a promise with no date", () => {
    const input = decideInput({ pauses: [{ reason: "promise" }] });
    expect(decide(input)).toEqual({ decision: "suppress", reasons: ["PAUSED_PROMISE"] });
  });

  it("stops dunning under a plan in force but still reminds of the plan's installments", () => {
    const onPlan = { pauses: [{ reason: "plan" as const }] };
    expect(decide(decideInput(onPlan))).toEqual({ decision: "suppress", reasons: ["PAUSED_PLAN"] });
    const dueToday = loanState({ asOf: "2026-03-04", nextDue: "2026-03-04" });
    expect(decide(decideInput({ ...onPlan, loanState: dueToday }))).toMatchObject({
      decision: "send",
      opportunity: { slot: { kind: "plan_installment", offset: 0 } },
    });
  });

  it("defers dunning until a dated plan pause ends", () => {
    const input = decideInput({ pauses: [{ reason: "plan", until: "2026-03-04" }] });
    expect(decide(input)).toEqual({
      decision: "defer",
      until: "2026-03-05T14:00:00.000Z",
      reasons: ["PAUSED_PLAN"],
    });
  });
});

describe("decide: what is due", () => {
  it("suppresses when the loan is paid off", () => {
    const paidOff = loanState({ asOf: "2026-03-04", paidOff: true });
    expect(decide(decideInput({ loanState: paidOff }))).toEqual({
      decision: "suppress",
      reasons: ["NOTHING_DUE"],
    });
  });

  it("defers to the next cadence slot when today's was already served", () => {
    // Two days past due: +1 (3 March) was sent; +3 falls on 5 March.
    const input = decideInput({
      loanState: loanState({ asOf: "2026-03-04", daysPastDue: 2 }),
      contactHistory: [contact("2026-03-03T10:00:00-05:00")],
    });
    expect(decide(input)).toEqual({
      decision: "defer",
      until: "2026-03-05T14:00:00.000Z",
      reasons: ["NOT_IN_CADENCE"],
    });
  });

  it("defers a current loan to its T-3 reminder", () => {
    const current = loanState({ asOf: "2026-03-04", nextDue: "2026-03-20" });
    expect(decide(decideInput({ loanState: current }))).toEqual({
      decision: "defer",
      until: "2026-03-17T13:00:00.000Z",
      reasons: ["NOT_IN_CADENCE"],
    });
  });

  it("catches up a slot missed to the caps once, not twice", () => {
    // +1 fell on 2 March and went unsent; 3 March is no slot of its own.
    const input = decideInput({
      loanState: loanState({ asOf: "2026-03-02", daysPastDue: 1 }),
      now: "2026-03-03T15:00:00-05:00",
    });
    expect(decide(input)).toMatchObject({
      decision: "send",
      opportunity: { slot: { kind: "overdue", date: "2026-03-02" } },
    });
    const served = { ...input, contactHistory: [contact("2026-03-03T15:00:00-05:00")] };
    expect(decide({ ...served, now: "2026-03-03T16:00:00-05:00" })).toEqual({
      decision: "defer",
      until: "2026-03-04T14:00:00.000Z",
      reasons: ["NOT_IN_CADENCE", "DAILY_CAP"],
    });
  });
});

describe("decide: bad input", () => {
  it("rejects an unknown time zone", () => {
    const input = decideInput({ borrower: borrower({ timeZone: "Mars/Olympus_Mons" }) });
    expect(() => decide(input)).toThrow(expect.objectContaining({ code: "INVALID_TIME_ZONE" }));
  });

  it("rejects a pause whose end is not a calendar date", () => {
    const input = decideInput({ pauses: [{ reason: "promise", until: "next Friday" }] });
    expect(() => decide(input)).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });

  it("rejects an instant without an offset", () => {
    const input = decideInput({ now: "2026-03-04T15:00:00" });
    expect(() => decide(input)).toThrow(expect.objectContaining({ code: "INVALID_INSTANT" }));
  });
});
