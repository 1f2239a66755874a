// The borrower's local date and the instant check answer each input on its own, however calls interleave.
import { describe, expect, it } from "vitest";
import { isInstant, localToday } from "../../../core/intents/context.ts";

describe("localToday and isInstant", () => {
  it("Should give each zone its own date for one instant, asked in turn and again", () => {
    const now = "2026-03-05T23:30:00Z";
    const shanghai = { locale: "zh-CN" as const, timeZone: "Asia/Shanghai", now };
    const newYork = { locale: "en" as const, timeZone: "America/New_York", now };

    expect(localToday(shanghai)).toBe("2026-03-06");
    expect(localToday(newYork)).toBe("2026-03-05");
    expect(localToday(newYork)).toBe("2026-03-05");
    expect(localToday(shanghai)).toBe("2026-03-06");
    expect(localToday({ ...shanghai, now: "2026-03-05T15:00:00Z" })).toBe("2026-03-05");
  });

  it("Should answer each text on its own when a valid and an invalid instant alternate", () => {
    expect(isInstant("2026-03-05T23:30:00Z")).toBe(true);
    expect(isInstant("2026-02-30T23:30:00Z")).toBe(false);
    expect(isInstant("2026-02-30T23:30:00Z")).toBe(false);
    expect(isInstant("2026-03-05T23:30:00Z")).toBe(true);
    expect(isInstant("2026-03-05")).toBe(false);
    expect(isInstant(20260305)).toBe(false);
    expect(() =>
      localToday({ locale: "en", timeZone: "UTC", now: "2026-02-30T23:30:00Z" }),
    ).toThrow(/now/);
  });
});
