// A borrower's today: the calendar date in their zone at an instant, however the instants and zones are asked in turn.
import { describe, expect, it } from "vitest";
import { localDate } from "../../../core/dates/local-date.ts";

describe("localDate", () => {
  it("Should give each zone its own date at one instant, asked in turn", () => {
    const lateEvening = new Date("2026-03-03T03:00:00.000Z");

    const dates = ["America/New_York", "Asia/Tokyo", "America/New_York", "Asia/Tokyo"].map((zone) =>
      localDate(lateEvening, zone),
    );

    expect(dates).toEqual(["2026-03-02", "2026-03-03", "2026-03-02", "2026-03-03"]);
  });

  it("Should move to the next date when a later instant passes the zone's midnight", () => {
    const zone = "America/New_York";

    const before = localDate(new Date("2026-03-03T04:59:59.999Z"), zone);
    const after = localDate(new Date("2026-03-03T05:00:00.000Z"), zone);
    const againBefore = localDate(new Date("2026-03-03T04:59:59.999Z"), zone);

    expect([before, after, againBefore]).toEqual(["2026-03-02", "2026-03-03", "2026-03-02"]);
  });

  it("Should read an unknown zone as UTC", () => {
    expect(localDate(new Date("2026-03-03T03:00:00.000Z"), "Not/AZone")).toBe("2026-03-03");
  });
});
