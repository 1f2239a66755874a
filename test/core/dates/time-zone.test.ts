// Remembered zone offsets: every answer equals luxon's own IANA zone, around transitions too.
import fc from "fast-check";
import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { zoneFor } from "../../../core/dates/time-zone.ts";

const ZONES = [
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe", // half-hour daylight saving
  "Asia/Kathmandu", // +05:45
  "America/St_Johns", // -03:30 with daylight saving
  "Pacific/Kiritimati", // skipped a whole day in 1994
  "Pacific/Apia", // skipped 2011-12-30
  "Africa/Casablanca", // daylight saving stopped for Ramadan
  "Asia/Manila",
];

const MINUTE = 60_000;

describe("zoneFor", () => {
  it("Should give the IANA zone's offset every five minutes around the 2026 transitions", () => {
    for (const name of ZONES) {
      const zone = zoneFor(name);
      const iana = IANAZone.create(name);
      for (const day of ["2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04", "2026-11-01"]) {
        const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        for (let ts = start; ts < start + 3 * 86_400_000; ts += 5 * MINUTE) {
          expect(typeof zone === "string" ? Number.NaN : zone.offset(ts - 1)).toBe(
            iana.offset(ts - 1),
          );
          expect(typeof zone === "string" ? Number.NaN : zone.offset(ts)).toBe(iana.offset(ts));
        }
      }
    }
  });

  it("Should convert local times to instants and back exactly as luxon does with the name", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({
          min: Date.parse("1990-01-01T00:00:00Z"),
          max: Date.parse("2040-01-01T00:00:00Z"),
        }),
        (name, ms) => {
          const named = DateTime.fromMillis(ms, { zone: name });
          const remembered = DateTime.fromMillis(ms, { zone: zoneFor(name) });
          expect(remembered.toISO()).toBe(named.toISO());
          const wall = {
            year: named.year,
            month: named.month,
            day: named.day,
            hour: 2,
            minute: 30,
          };
          expect(DateTime.fromObject(wall, { zone: zoneFor(name) }).toMillis()).toBe(
            DateTime.fromObject(wall, { zone: name }).toMillis(),
          );
          const midnight = named.toISODate() as string;
          expect(DateTime.fromISO(midnight, { zone: zoneFor(name) }).toISO()).toBe(
            DateTime.fromISO(midnight, { zone: name }).toISO(),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("Should leave UTC, fixed offsets and unknown names to luxon", () => {
    expect(zoneFor("UTC")).toBe("UTC");
    expect(zoneFor("UTC+3")).toBe("UTC+3");
    expect(zoneFor("Fantasia/Castle")).toBe("Fantasia/Castle");
    expect(DateTime.fromMillis(0, { zone: zoneFor("Fantasia/Castle") }).isValid).toBe(false);
    expect(zoneFor("Asia/Manila")).toBe(zoneFor("Asia/Manila"));
    const manila = zoneFor("Asia/Manila");
    expect(typeof manila !== "string" && manila.equals(IANAZone.create("Asia/Manila"))).toBe(true);
    expect(DateTime.fromMillis(0, { zone: manila }).toFormat("ZZ ZZZ")).toBe(
      DateTime.fromMillis(0, { zone: "Asia/Manila" }).toFormat("ZZ ZZZ"),
    );
  });
});
