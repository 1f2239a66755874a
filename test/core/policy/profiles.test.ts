// Contact profiles: the numbers each one allows, the default the strictest, the ceiling in code.
import { describe, expect, it } from "vitest";
import {
  type ContactProfile,
  contactProfile,
  contactProfiles,
  defineProfile,
  effectiveWeeklyCap,
  HARD_CEILING_PER_7_DAYS,
  isInsideSendWindow,
  nextSendWindowAt,
} from "../../../core/policy/index.ts";

const all: ContactProfile[] = Object.values(contactProfiles);

describe("contact profiles", () => {
  it("open the send window where the rules say", () => {
    expect(contactProfiles.default.window).toEqual({ opens: "09:00", closes: "20:00" });
    expect(contactProfiles["us-reg-f"].window).toEqual({ opens: "08:00", closes: "21:00" });
    expect(contactProfiles.cn.window).toEqual({ opens: "08:00", closes: "22:00" });
  });

  it("default to 1 nudge a day, 3 a week and 72 hours' cool-down", () => {
    const { maxNudgesPerDay, maxNudgesPer7Days, coolDownHours } = contactProfiles.default;
    expect({ maxNudgesPerDay, maxNudgesPer7Days, coolDownHours }).toEqual({
      maxNudgesPerDay: 1,
      maxNudgesPer7Days: 3,
      coolDownHours: 72,
    });
  });

  it("make the default the strictest on every number", () => {
    const strict = contactProfiles.default;
    for (const other of all) {
      expect(strict.window.opens >= other.window.opens).toBe(true);
      expect(strict.window.closes <= other.window.closes).toBe(true);
      expect(strict.maxNudgesPerDay).toBeLessThanOrEqual(other.maxNudgesPerDay);
      expect(strict.maxNudgesPer7Days).toBeLessThanOrEqual(other.maxNudgesPer7Days);
      expect(strict.coolDownHours).toBeGreaterThanOrEqual(other.coolDownHours);
    }
  });

  it("never let a profile past the hard ceiling of 7 in 7 days", () => {
    expect(HARD_CEILING_PER_7_DAYS).toBe(7);
    for (const profile of all) expect(effectiveWeeklyCap(profile)).toBeLessThanOrEqual(7);
    const greedy = defineProfile({
      ...contactProfiles["us-reg-f"],
      name: "greedy",
      maxNudgesPer7Days: 21,
    });
    expect(effectiveWeeklyCap(greedy)).toBe(7);
  });

  it("are looked up by name", () => {
    expect(contactProfile("cn")).toBe(contactProfiles.cn);
    expect(() => contactProfile("anything-goes")).toThrow(
      expect.objectContaining({ code: "UNKNOWN_PROFILE" }),
    );
  });

  it("reject a window that closes before it opens, zero caps and bad holidays", () => {
    const base = contactProfiles.default;
    const bad: Partial<ContactProfile>[] = [
      { window: { opens: "20:00", closes: "09:00" } },
      { window: { opens: "9:00", closes: "20:00" } },
      { maxNudgesPerDay: 0 },
      { maxNudgesPer7Days: 1.5 },
      { holidays: ["2026-02-30"] },
      { cadence: { ...base.cadence, overdueDays: [7, 3] } },
    ];
    for (const change of bad) {
      expect(() => defineProfile({ ...base, ...change })).toThrow(
        expect.objectContaining({ code: "INVALID_PROFILE" }),
      );
    }
  });
});

describe("send window helpers", () => {
  const profile = defineProfile({
    ...contactProfiles.default,
    name: "h",
    holidays: ["2026-12-25"],
  });

  it("say whether an instant is inside the borrower's window and off holidays", () => {
    expect(isInsideSendWindow("2026-12-24T10:00:00-05:00", "America/New_York", profile)).toBe(true);
    expect(isInsideSendWindow("2026-12-24T20:00:00-05:00", "America/New_York", profile)).toBe(
      false,
    );
    expect(isInsideSendWindow("2026-12-25T10:00:00-05:00", "America/New_York", profile)).toBe(
      false,
    );
  });

  it("find the next opening from a local midnight, skipping holidays", () => {
    expect(nextSendWindowAt("2026-12-25T00:00:00-05:00", "America/New_York", profile)).toBe(
      "2026-12-26T14:00:00.000Z",
    );
  });
});
