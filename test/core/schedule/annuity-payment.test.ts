// The level payment: exact annuity formula, one half-up rounding to the currency's minor unit.
import { describe, expect, it } from "vitest";
import { parseMoney } from "../../../core/money/decimal.ts";
import { parseRate, rate, rateTimes, ZERO_RATE } from "../../../core/money/rate.ts";
import { floor } from "../../../core/money/rounding.ts";
import { annuityPayment } from "../../../core/schedule/index.ts";

const monthly = (annual: string) => rateTimes(parseRate(annual), rate(1n, 12n));

describe("annuityPayment", () => {
  it("1200.00 USD at 12.99% over 12 months pays 107.18", () => {
    // python3 decimal, prec 60: r = 0.1299/12; 1200·r·(1+r)^12 / ((1+r)^12 − 1)
    //   = 107.17510095775016569663672149... -> half-up to cents 107.18
    // (an often-quoted 107.17 truncates; the half-up rounding gives 107.18).
    expect(annuityPayment(parseMoney("1200.00", "USD"), monthly("0.1299"), 12)).toEqual(
      parseMoney("107.18", "USD"),
    );
  });

  it("a 100000 USD 30-year mortgage at 6% pays 599.55 a month", () => {
    // The widely published figure; python3 decimal: 599.55052515275239459146... -> 599.55.
    expect(annuityPayment(parseMoney("100000.00", "USD"), monthly("0.06"), 360)).toEqual(
      parseMoney("599.55", "USD"),
    );
  });

  it("rounds to whole yen for JPY (exponent 0)", () => {
    // python3 decimal: 1000000·r·(1+r)^24/((1+r)^24−1), r = 0.15/12 = 48486.648046951... -> 48487
    expect(annuityPayment(parseMoney("1000000", "JPY"), monthly("0.15"), 24)).toEqual(
      parseMoney("48487", "JPY"),
    );
  });

  it("rounds to fils for KWD (exponent 3)", () => {
    // python3 decimal: 5000·r·(1+r)^36/((1+r)^36−1), r = 0.075/12 = 155.531090803282... -> 155.531
    expect(annuityPayment(parseMoney("5000.000", "KWD"), monthly("0.075"), 36)).toEqual(
      parseMoney("155.531", "KWD"),
    );
  });

  it("with a zero rate pays the principal over the periods, half-up", () => {
    // 1000.00 / 3 = 333.333... -> 333.33; 1000.00 / 6 = 166.666... -> 166.67
    expect(annuityPayment(parseMoney("1000.00", "USD"), ZERO_RATE, 3)).toEqual(
      parseMoney("333.33", "USD"),
    );
    expect(annuityPayment(parseMoney("1000.00", "USD"), ZERO_RATE, 6)).toEqual(
      parseMoney("166.67", "USD"),
    );
  });

  it("takes another named rounding when asked", () => {
    expect(annuityPayment(parseMoney("1200.00", "USD"), monthly("0.1299"), 12, floor)).toEqual(
      parseMoney("107.17", "USD"),
    );
  });

  it("rejects a period count that is not a positive integer", () => {
    expect(() => annuityPayment(parseMoney("1.00", "USD"), ZERO_RATE, 0)).toThrow(
      expect.objectContaining({ code: "INVALID_TERMS", details: { field: "periods", value: 0 } }),
    );
  });
});
