// Currencies: the exponent of each ISO 4217 code, and a coded error for codes we do not know.
import { describe, expect, test } from "vitest";
import { ErrorCode } from "../../../core/errors/codes.ts";
import { currencyOf, isKnownCurrency } from "../../../core/money/currency.ts";
import { money } from "../../../core/money/money.ts";
import { domainErrorWithCode } from "../../helpers/builders.ts";

describe("currencyOf", () => {
  test.each([
    { code: "JPY", exponent: 0 },
    { code: "USD", exponent: 2 },
    { code: "EUR", exponent: 2 },
    { code: "CNY", exponent: 2 },
    { code: "KWD", exponent: 3 },
  ])("$code has $exponent minor-unit digits", ({ code, exponent }) => {
    expect(currencyOf(code)).toEqual({ code, exponent });
  });

  test.each(["XYZ", "usd", "", "toString", "__proto__"])(
    'rejects "%s" with UNKNOWN_CURRENCY',
    (code) => {
      expect(isKnownCurrency(code)).toBe(false);
      expect(() => currencyOf(code)).toThrow(domainErrorWithCode(ErrorCode.UnknownCurrency));
    },
  );

  test("money cannot be built in an unknown currency", () => {
    expect(() => money(100n, "XYZ")).toThrow(domainErrorWithCode(ErrorCode.UnknownCurrency));
  });

  test("money values are frozen", () => {
    expect(Object.isFrozen(money(1n, "USD"))).toBe(true);
  });
});
