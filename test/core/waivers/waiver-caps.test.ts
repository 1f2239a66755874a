// The agent's waiver cap per currency: configured entries, a bare amount where it fits, else a default from the exponent.
import { describe, expect, it } from "vitest";
import { money } from "../../../core/money/money.ts";
import { defaultWaiverCap, parseWaiverCaps, waiverCap } from "../../../core/waivers/index.ts";

describe("waiver caps", () => {
  it("Should read a cap per currency in that currency's own decimals", () => {
    const caps = parseWaiverCaps("USD:50.00, JPY:5000 ,kwd:12.345");
    expect(waiverCap(caps, "USD")).toEqual(money(5000n, "USD"));
    expect(waiverCap(caps, "JPY")).toEqual(money(5000n, "JPY"));
    expect(waiverCap(caps, "KWD")).toEqual(money(12345n, "KWD"));
  });

  it("Should give an unnamed currency a default from its exponent: 5000 yen, 50.00 dollars, 50.000 dinars", () => {
    const caps = parseWaiverCaps("");
    expect(waiverCap(caps, "JPY")).toEqual(money(5000n, "JPY"));
    expect(waiverCap(caps, "USD")).toEqual(money(5000n, "USD"));
    expect(waiverCap(caps, "KWD")).toEqual(money(50000n, "KWD"));
    expect(defaultWaiverCap("KRW")).toEqual(money(5000n, "KRW"));
  });

  it("Should apply a bare amount (the old setting, 50.00) only where the currency can write it", () => {
    const caps = parseWaiverCaps("50.00");
    expect(waiverCap(caps, "USD")).toEqual(money(5000n, "USD"));
    expect(waiverCap(caps, "KWD")).toEqual(money(50000n, "KWD"));
    expect(waiverCap(caps, "JPY")).toEqual(defaultWaiverCap("JPY"));
    expect(waiverCap(parseWaiverCaps("EUR:20.00,80.00"), "EUR")).toEqual(money(2000n, "EUR"));
  });

  it.each([
    ["JPY:50.00", /"JPY:50.00": must be a positive amount with at most 0 decimals/],
    ["XXX:5", /XXX is not a currency/],
    ["USD:0", /positive amount/],
    ["USD:-5", /positive amount/],
    ["USD:5,USD:6", /USD is given twice/],
    ["50,60", /one bare amount at most/],
    ["fifty", /one bare amount at most/],
  ])("Should refuse %s with INVALID_WAIVER_CAP naming the entry", (text, message) => {
    expect(() => parseWaiverCaps(text)).toThrow(
      expect.objectContaining({
        code: "INVALID_WAIVER_CAP",
        message: expect.stringMatching(message),
      }),
    );
  });
});
