// Decimal strings <-> Money: exact in both directions, strict about digits unless told how to round.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ErrorCode } from "../../../core/errors/codes.ts";
import { formatMoney, parseMoney } from "../../../core/money/decimal.ts";
import { money } from "../../../core/money/money.ts";
import { ceil, down, floor, halfEven, halfUp } from "../../../core/money/rounding.ts";
import { domainErrorWithCode } from "../../helpers/builders.ts";
import { canonicalDecimal, moneyArbitrary } from "./arbitraries.ts";

describe("parseMoney and formatMoney round trips", () => {
  test.each([
    { text: "1200", currency: "JPY", minor: 1200n },
    { text: "-1200", currency: "JPY", minor: -1200n },
    { text: "0", currency: "JPY", minor: 0n },
    { text: "1200.00", currency: "USD", minor: 120000n },
    { text: "-0.01", currency: "USD", minor: -1n },
    { text: "0.00", currency: "USD", minor: 0n },
    { text: "12.34", currency: "EUR", minor: 1234n },
    { text: "0.005", currency: "KWD", minor: 5n },
    { text: "-0.005", currency: "KWD", minor: -5n },
    { text: "1.250", currency: "KWD", minor: 1250n },
    { text: "90071992547409931.23", currency: "USD", minor: 9007199254740993123n },
  ])("$text $currency is $minor minor units and formats back", ({ text, currency, minor }) => {
    const parsed = parseMoney(text, currency);
    expect(parsed).toEqual({ minor, currency });
    expect(formatMoney(parsed)).toBe(text);
  });

  test("fewer fraction digits than the currency has are padded, not refused", () => {
    expect(parseMoney("1.5", "USD").minor).toBe(150n);
    expect(parseMoney("7", "KWD").minor).toBe(7000n);
    expect(formatMoney(parseMoney("1.5", "USD"))).toBe("1.50");
  });

  test("a plus sign, surrounding spaces and a negative zero are read as written", () => {
    expect(parseMoney("+3.00", "USD").minor).toBe(300n);
    expect(parseMoney("  3.00 ", "USD").minor).toBe(300n);
    expect(formatMoney(parseMoney("-0.00", "USD"))).toBe("0.00");
  });

  test("formatting pads small amounts with leading zeros", () => {
    expect(formatMoney(money(7n, "USD"))).toBe("0.07");
    expect(formatMoney(money(-7n, "KWD"))).toBe("-0.007");
    expect(formatMoney(money(-7n, "JPY"))).toBe("-7");
  });

  test("formatMoney(parseMoney(s)) is s for every canonical decimal (property)", () => {
    fc.assert(
      fc.property(canonicalDecimal, ({ text, currency }) => {
        expect(formatMoney(parseMoney(text, currency))).toBe(text);
      }),
    );
  });

  test("parseMoney(formatMoney(m)) is m for every amount (property)", () => {
    fc.assert(
      fc.property(moneyArbitrary, (value) => {
        expect(parseMoney(formatMoney(value), value.currency)).toEqual(value);
      }),
    );
  });
});

describe("parseMoney refuses what it cannot read exactly", () => {
  test.each([
    { text: "1200.001", currency: "USD" },
    { text: "0.0001", currency: "KWD" },
    { text: "1.0", currency: "JPY" },
  ])("$text has too many decimals for $currency: INVALID_AMOUNT", ({ text, currency }) => {
    expect(() => parseMoney(text, currency)).toThrow(domainErrorWithCode(ErrorCode.InvalidAmount));
  });

  test.each(["", "abc", "1,200.00", "1e3", ".50", "5.", "--1", "1.2.3", "NaN"])(
    '"%s" is not a decimal amount: INVALID_AMOUNT',
    (text) => {
      expect(() => parseMoney(text, "USD")).toThrow(domainErrorWithCode(ErrorCode.InvalidAmount));
    },
  );

  test("an unknown currency code is UNKNOWN_CURRENCY, before the text is looked at", () => {
    expect(() => parseMoney("1.00", "XYZ")).toThrow(domainErrorWithCode(ErrorCode.UnknownCurrency));
    expect(() => parseMoney("junk", "XYZ")).toThrow(domainErrorWithCode(ErrorCode.UnknownCurrency));
  });
});

describe("parseMoney with a rounding", () => {
  test.each([
    { text: "1.005", rounding: halfUp, minor: 101n },
    { text: "1.005", rounding: halfEven, minor: 100n },
    { text: "1.015", rounding: halfEven, minor: 102n },
    { text: "-1.005", rounding: halfUp, minor: -101n },
    { text: "-1.005", rounding: halfEven, minor: -100n },
    { text: "1.001", rounding: ceil, minor: 101n },
    { text: "-1.009", rounding: floor, minor: -101n },
    { text: "-1.009", rounding: down, minor: -100n },
  ])("$text USD rounds to $minor cents with $rounding.name", ({ text, rounding, minor }) => {
    expect(parseMoney(text, "USD", rounding).minor).toBe(minor);
  });

  test("a rounding changes nothing when the digits already fit", () => {
    expect(parseMoney("1.23", "USD", floor).minor).toBe(123n);
    expect(parseMoney("5", "JPY", ceil).minor).toBe(5n);
  });
});
