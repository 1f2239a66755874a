// Dates resolve in the borrower's own zone: every supported English and Chinese form, zone and DST edges.
import { describe, expect, it } from "vitest";
import { dateIn } from "./builders.ts";

// The fixture instant is Wednesday 2026-03-04 in both New York (05:00) and Shanghai (18:00).

describe("English dates", () => {
  it.each([
    ["I'll pay today", "2026-03-04"],
    ["paying tonight", "2026-03-04"],
    ["I'll pay tomorrow", "2026-03-05"],
    ["will pay tmrw", "2026-03-05"],
    ["pay the day after tomorrow", "2026-03-06"],
    ["I'll pay Friday", "2026-03-06"],
    ["will pay fri", "2026-03-06"],
    ["paying this Friday", "2026-03-06"],
    ["I'll pay next Monday", "2026-03-09"],
    ["I'll pay next Friday", "2026-03-13"],
    ["paying on the 5th", "2026-03-05"],
    ["paying on the 4th", "2026-03-04"],
    ["paying on the 3rd", "2026-04-03"],
    ["paying on the fifth", "2026-03-05"],
    ["I'll pay March 5", "2026-03-05"],
    ["I'll pay 5 March", "2026-03-05"],
    ["I'll pay on the 5th of March", "2026-03-05"],
    ["I'll pay 3/5", "2026-03-05"],
    ["I'll pay 12/25", "2026-12-25"],
    ["I'll pay on 2026-04-02", "2026-04-02"],
    ["I'll pay by the end of the month", "2026-03-31"],
    ["I'll pay in 3 days", "2026-03-07"],
    ["I'll pay in three days", "2026-03-07"],
    ["I'll pay in a week", "2026-03-11"],
    ["I'll pay next week", "2026-03-09"],
    ["I'll pay next month", "2026-04-01"],
    ["I'll pay on the 5th of next month", "2026-04-05"],
    ["I'll pay this weekend", "2026-03-07"],
  ])("Should read %j as %s", (text, expected) => {
    expect(dateIn(text)).toBe(expected);
  });

  it("Should take a bare weekday said on that weekday as next week's", () => {
    expect(dateIn("I'll pay Wednesday")).toBe("2026-03-11");
    expect(dateIn("I'll pay this Wednesday")).toBe("2026-03-04");
  });

  it("Should roll a month-day already past into next year", () => {
    expect(dateIn("I'll pay March 3")).toBe("2027-03-03");
  });

  it("Should clamp a day the month lacks to its last day", () => {
    expect(dateIn("paying on the 31st", "en", { now: "2026-04-10T12:00:00Z" })).toBe("2026-04-30");
    expect(dateIn("end of the month", "en", { now: "2028-02-10T12:00:00Z" })).toBe("2028-02-29");
  });

  it("Should not read impossible dates", () => {
    expect(dateIn("I'll pay 2/30")).toBeUndefined();
    expect(dateIn("I'll pay 13/5")).toBeUndefined();
  });

  it("Should look back for reported payments", () => {
    expect(dateIn("paid yesterday")).toBe("2026-03-03");
    expect(dateIn("I paid on Friday")).toBe("2026-02-27");
    expect(dateIn("I paid on the 1st")).toBe("2026-03-01");
    expect(dateIn("I paid last Monday")).toBe("2026-02-23");
  });

  it("Should take the last date of a promise that replaces another", () => {
    expect(dateIn("can't make friday, how about monday")).toBe("2026-03-09");
  });
});

describe("Chinese dates", () => {
  it.each([
    ["今天还", "2026-03-04"],
    ["明天还", "2026-03-05"],
    ["后天还", "2026-03-06"],
    ["大后天还", "2026-03-07"],
    ["周五还", "2026-03-06"],
    ["星期五还", "2026-03-06"],
    ["礼拜五还", "2026-03-06"],
    ["周日还", "2026-03-08"],
    ["下周五还", "2026-03-13"],
    ["下星期五还", "2026-03-13"],
    ["下礼拜一还", "2026-03-09"],
    ["下下周一还", "2026-03-16"],
    ["月底还", "2026-03-31"],
    ["下个月底还", "2026-04-30"],
    ["下个月5号还", "2026-04-05"],
    ["下月5日还", "2026-04-05"],
    ["5号还", "2026-03-05"],
    ["5日还", "2026-03-05"],
    ["3号还", "2026-04-03"],
    ["十五号还", "2026-03-15"],
    ["3月5日还", "2026-03-05"],
    ["3月5号还", "2026-03-05"],
    ["三月五号还", "2026-03-05"],
    ["3月1日还", "2027-03-01"],
    ["2026年4月2日还", "2026-04-02"],
    ["三天后还", "2026-03-07"],
    ["一周后还", "2026-03-11"],
    ["下周还", "2026-03-09"],
    ["下个月还", "2026-04-01"],
    ["周末还", "2026-03-07"],
  ])("Should read %j as %s", (text, expected) => {
    expect(dateIn(text, "zh-CN")).toBe(expected);
  });

  it("Should take a bare weekday said on that weekday as next week's", () => {
    expect(dateIn("周三还", "zh-CN")).toBe("2026-03-11");
    expect(dateIn("这周三还", "zh-CN")).toBe("2026-03-04");
  });

  it("Should look back for reported payments", () => {
    expect(dateIn("昨天还了", "zh-CN")).toBe("2026-03-03");
    expect(dateIn("前天还了", "zh-CN")).toBe("2026-03-02");
    expect(dateIn("上周五已经还了", "zh-CN")).toBe("2026-02-27");
  });
});

describe("time zones", () => {
  const lateEvening = "2026-03-05T23:30:00Z";

  it("Should use the borrower's local date when it is already tomorrow in UTC terms", () => {
    const shanghai = { timeZone: "Asia/Shanghai", now: lateEvening };
    expect(dateIn("今天还", "zh-CN", shanghai)).toBe("2026-03-06");
    expect(dateIn("明天还", "zh-CN", shanghai)).toBe("2026-03-07");
    expect(dateIn("I'll pay today", "en", shanghai)).toBe("2026-03-06");
    // Local Friday: a bare Friday is next week's.
    expect(dateIn("周五还", "zh-CN", shanghai)).toBe("2026-03-13");
  });

  it("Should use the borrower's local date when it is still yesterday in UTC terms", () => {
    const newYork = { timeZone: "America/New_York", now: lateEvening };
    expect(dateIn("I'll pay today", "en", newYork)).toBe("2026-03-05");
    const losAngeles = { timeZone: "America/Los_Angeles", now: "2026-03-05T05:00:00Z" };
    expect(dateIn("I'll pay tomorrow", "en", losAngeles)).toBe("2026-03-05");
  });

  it("Should follow New York into daylight saving time (2026-03-08)", () => {
    const zone = "America/New_York";
    // 23:30 EST on Saturday the 7th.
    expect(dateIn("I'll pay today", "en", { timeZone: zone, now: "2026-03-08T04:30:00Z" })).toBe(
      "2026-03-07",
    );
    expect(dateIn("I'll pay tomorrow", "en", { timeZone: zone, now: "2026-03-08T04:30:00Z" })).toBe(
      "2026-03-08",
    );
    // 03:30 EDT on the DST day itself.
    expect(dateIn("I'll pay today", "en", { timeZone: zone, now: "2026-03-08T07:30:00Z" })).toBe(
      "2026-03-08",
    );
    expect(dateIn("I'll pay in 1 day", "en", { timeZone: zone, now: "2026-03-08T07:30:00Z" })).toBe(
      "2026-03-09",
    );
    // 00:30 EDT on the 9th; under EST it would still be the 8th.
    expect(dateIn("I'll pay today", "en", { timeZone: zone, now: "2026-03-09T04:30:00Z" })).toBe(
      "2026-03-09",
    );
  });

  it("Should follow New York out of daylight saving time (2026-11-01)", () => {
    const zone = "America/New_York";
    // 23:30 EST on the 1st; under EDT it would be the 2nd.
    expect(dateIn("I'll pay today", "en", { timeZone: zone, now: "2026-11-02T04:30:00Z" })).toBe(
      "2026-11-01",
    );
    expect(
      dateIn("I'll pay next Monday", "en", { timeZone: zone, now: "2026-11-02T04:30:00Z" }),
    ).toBe("2026-11-02");
  });
});
