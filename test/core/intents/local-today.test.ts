// The borrower's local date and the instant check answer each input on its own, however calls interleave.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../bench/prng.ts";
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

/** The answers before the fast paths: luxon alone, at every call. */
const INSTANT_SHAPE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const luxonIsInstant = (value: string) =>
  INSTANT_SHAPE.test(value) && DateTime.fromISO(value, { setZone: true }).isValid;
const luxonToday = (now: string, timeZone: string) =>
  DateTime.fromISO(now, { setZone: true }).setZone(timeZone).toISODate();

describe("localToday and isInstant against luxon alone", () => {
  const random = seededRandom(20261206);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const pick = <T>(items: readonly T[]) => items[random.int(0, items.length - 1)] as T;
  /** Instants in every shape the check accepts or nearly accepts, edges of each field included. */
  function text(): string {
    const year = pick([1969, 1970, 2000, 2024, 2025, 2026, 2100, 9999, 0]);
    const date = `${pad(year, 4)}-${pad(random.int(0, 13))}-${pad(random.int(0, 32))}`;
    const time = `${pad(random.int(0, 25))}:${pad(random.int(0, 60))}`;
    const seconds = pick(["", `:${pad(random.int(0, 60))}`]);
    const fraction =
      seconds && pick(["", ".000", `.${pad(random.int(0, 999), 3)}`, ".5", ".123456789"]);
    const zone = pick(["Z", "z", "+00:00", "+05:30", "-03:00", "+14:00", "-12", "+0800", "+25:00"]);
    return `${date}T${time}${seconds}${fraction}${zone}`;
  }
  const ZONES = [
    "UTC",
    "America/New_York",
    "Asia/Shanghai",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "America/Santiago",
    "Europe/London",
    "Australia/Lord_Howe",
  ];

  it("Should accept exactly the instants luxon accepts", () => {
    let valid = 0;
    for (let i = 0; i < 8_000; i++) {
      const value = text();
      expect(isInstant(value), value).toBe(luxonIsInstant(value));
      if (luxonIsInstant(value)) valid++;
    }
    // The generator reaches both answers often.
    expect(valid).toBeGreaterThan(800);
    expect(valid).toBeLessThan(7_200);
  });

  it("Should give the date luxon gives in every zone, around midnight and DST changes too", () => {
    const start = Date.parse("2025-01-01T00:00:00Z");
    for (let i = 0; i < 6_000; i++) {
      // Every quarter hour, plus a few milliseconds either side of some.
      const ms = start + random.int(0, 2 * 365 * 96) * 900_000 + pick([0, 0, -1, 1, 999]);
      const canonical = new Date(ms).toISOString();
      const offset = `${canonical.slice(0, 19)}+05:30`;
      for (const now of [canonical, offset]) {
        const timeZone = pick(ZONES);
        expect(localToday({ locale: "en", timeZone, now }), `${now} in ${timeZone}`).toBe(
          luxonToday(now, timeZone),
        );
      }
    }
  });
});
