// decide() and the clock: quiet hours and holidays in the borrower's own zone, DST included.
import { describe, expect, it } from "vitest";
import { contactProfiles, decide, defineProfile } from "../../../core/policy/index.ts";
import { borrower, decideInput, loanState } from "./builders.ts";

/** A loan one day past due on `date` for a borrower in `timeZone`, decided at local `now`. */
function overdueIn(timeZone: string, date: string, now: string) {
  return decideInput({
    borrower: borrower({ timeZone }),
    loanState: loanState({ asOf: date, daysPastDue: 1 }),
    now,
  });
}

describe("decide: quiet hours", () => {
  it("sends a nudge that is due at 15:00 local", () => {
    const decision = decide(decideInput());
    expect(decision).toMatchObject({
      decision: "send",
      opportunity: { slot: { kind: "overdue" } },
    });
  });

  it("defers a nudge at 21:30 local to 09:00 the next morning", () => {
    const decision = decide(decideInput({ now: "2026-03-04T21:30:00-05:00" }));
    expect(decision).toEqual({
      decision: "defer",
      until: "2026-03-05T14:00:00.000Z",
      reasons: ["QUIET_HOURS"],
    });
  });

  it("defers a nudge at 06:00 local to 09:00 the same morning", () => {
    const decision = decide(decideInput({ now: "2026-03-04T06:00:00-05:00" }));
    expect(decision).toMatchObject({ decision: "defer", until: "2026-03-04T14:00:00.000Z" });
  });

  it("sends from 09:00 sharp and stops at 20:00 sharp", () => {
    expect(decide(decideInput({ now: "2026-03-04T09:00:00-05:00" })).decision).toBe("send");
    expect(decide(decideInput({ now: "2026-03-04T19:59:59-05:00" })).decision).toBe("send");
    expect(decide(decideInput({ now: "2026-03-04T20:00:00-05:00" }))).toMatchObject({
      decision: "defer",
      until: "2026-03-05T14:00:00.000Z",
    });
  });

  it("reads the clock in the borrower's zone, not the server's or UTC", () => {
    // 15:00 UTC is 10:00 in New York but 23:00 in Shanghai.
    const now = "2026-03-04T15:00:00Z";
    expect(decide(overdueIn("America/New_York", "2026-03-04", now)).decision).toBe("send");
    expect(decide(overdueIn("Asia/Shanghai", "2026-03-04", now))).toMatchObject({
      decision: "defer",
      until: "2026-03-05T01:00:00.000Z",
      reasons: ["QUIET_HOURS"],
    });
  });

  it("opens at 09:00 EDT on the spring-forward day in New York (13:00 UTC, not 14:00)", () => {
    const input = overdueIn("America/New_York", "2026-03-07", "2026-03-07T21:30:00-05:00");
    expect(decide(input)).toMatchObject({ decision: "defer", until: "2026-03-08T13:00:00.000Z" });
  });

  it("opens at 09:00 EST on the fall-back day in New York (14:00 UTC)", () => {
    const input = overdueIn("America/New_York", "2026-10-31", "2026-10-31T21:30:00-04:00");
    expect(decide(input)).toMatchObject({ decision: "defer", until: "2026-11-01T14:00:00.000Z" });
  });

  it("handles Lord Howe's half-hour DST change (UTC+10:30 to +11)", () => {
    const input = overdueIn("Australia/Lord_Howe", "2026-10-03", "2026-10-03T21:00:00+10:30");
    expect(decide(input)).toMatchObject({ decision: "defer", until: "2026-10-03T22:00:00.000Z" });
  });

  it("at UTC+14 (Kiritimati) the next local morning is still the same UTC day", () => {
    const input = overdueIn("Pacific/Kiritimati", "2026-03-04", "2026-03-04T20:30:00+14:00");
    expect(decide(input)).toMatchObject({ decision: "defer", until: "2026-03-04T19:00:00.000Z" });
  });

  it("at UTC-11 (Pago Pago) the next local morning is the next UTC evening", () => {
    const input = overdueIn("Pacific/Pago_Pago", "2026-03-04", "2026-03-04T21:00:00-11:00");
    expect(decide(input)).toMatchObject({ decision: "defer", until: "2026-03-05T20:00:00.000Z" });
  });

  it("uses the profile's window: 20:30 is fine under Reg F, not under the default", () => {
    const now = "2026-03-04T20:30:00-05:00";
    expect(decide(decideInput({ now, profile: contactProfiles["us-reg-f"] })).decision).toBe(
      "send",
    );
    expect(decide(decideInput({ now })).decision).toBe("defer");
  });

  it("defers 07:30 in Shanghai to 08:00 under the China profile", () => {
    const input = overdueIn("Asia/Shanghai", "2026-03-04", "2026-03-04T07:30:00+08:00");
    expect(decide({ ...input, profile: contactProfiles.cn })).toMatchObject({
      decision: "defer",
      until: "2026-03-04T00:00:00.000Z",
      reasons: ["QUIET_HOURS"],
    });
  });
});

describe("decide: holidays", () => {
  const goldenWeek = defineProfile({
    ...contactProfiles.cn,
    name: "cn-2026",
    holidays: [
      "2026-10-01",
      "2026-10-02",
      "2026-10-03",
      "2026-10-04",
      "2026-10-05",
      "2026-10-06",
      "2026-10-07",
    ],
  });

  it("defers a nudge on a holiday afternoon to the next working morning", () => {
    const input = overdueIn("Asia/Shanghai", "2026-10-01", "2026-10-01T14:00:00+08:00");
    expect(decide({ ...input, profile: goldenWeek })).toEqual({
      decision: "defer",
      until: "2026-10-08T00:00:00.000Z",
      reasons: ["HOLIDAY"],
    });
  });

  it("skips a run of holidays after quiet hours, and says both", () => {
    const input = overdueIn("Asia/Shanghai", "2026-09-30", "2026-09-30T22:30:00+08:00");
    expect(decide({ ...input, profile: goldenWeek })).toEqual({
      decision: "defer",
      until: "2026-10-08T00:00:00.000Z",
      reasons: ["HOLIDAY", "QUIET_HOURS"],
    });
  });

  it("treats holidays as the borrower's local dates", () => {
    // 2026-09-30T20:00Z is already 1 October in Shanghai, still 30 September in New York.
    const profile = defineProfile({ ...contactProfiles.cn, name: "h", holidays: ["2026-10-01"] });
    const now = "2026-09-30T20:00:00Z";
    const shanghai = overdueIn("Asia/Shanghai", "2026-10-01", now);
    const newYork = overdueIn("America/New_York", "2026-09-30", now);
    expect(decide({ ...shanghai, profile }).decision).toBe("defer");
    expect(decide({ ...newYork, profile }).decision).toBe("send");
  });
});
