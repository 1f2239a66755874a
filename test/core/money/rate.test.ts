// Rates as exact rationals: parsed from decimals, reduced, applied to money with a named rounding.
import { describe, expect, test } from "vitest";
import { ErrorCode } from "../../../core/errors/codes.ts";
import { parseMoney } from "../../../core/money/decimal.ts";
import {
  applyRate,
  compareRates,
  formatRate,
  isZeroRate,
  ONE,
  parseRate,
  rate,
  rateDivide,
  rateMinus,
  ratePlus,
  ratePow,
  rateTimes,
  ZERO_RATE,
} from "../../../core/money/rate.ts";
import { floor, halfEven, halfUp } from "../../../core/money/rounding.ts";
import { domainErrorWithCode } from "../../helpers/builders.ts";

describe("parseRate", () => {
  test.each([
    { text: "0.1299", num: 1299n, den: 10000n },
    { text: "0.50", num: 1n, den: 2n },
    { text: "12", num: 12n, den: 1n },
    { text: "0", num: 0n, den: 1n },
  ])('"$text" is $num/$den in lowest terms', ({ text, num, den }) => {
    expect(parseRate(text)).toEqual({ num, den });
  });

  test.each(["-0.1", "abc", "", ".5", "1e-3", "12%"])('"%s" is INVALID_RATE', (text) => {
    expect(() => parseRate(text)).toThrow(domainErrorWithCode(ErrorCode.InvalidRate));
  });
});

describe("rate arithmetic stays exact", () => {
  test("a twelfth of 12.99% is 1299/120000, reduced", () => {
    expect(rateDivide(parseRate("0.1299"), rate(12n, 1n))).toEqual(rate(433n, 40000n));
  });

  test("plus, minus, times and pow", () => {
    const tenth = parseRate("0.1");
    expect(ratePlus(tenth, parseRate("0.2"))).toEqual(parseRate("0.3"));
    expect(rateMinus(tenth, parseRate("0.3"))).toEqual(rate(-1n, 5n));
    expect(rateTimes(tenth, tenth)).toEqual(parseRate("0.01"));
    expect(ratePow(ratePlus(ONE, tenth), 3)).toEqual(parseRate("1.331"));
    expect(ratePow(tenth, 0)).toEqual(ONE);
  });

  test("a negative denominator moves its sign to the numerator", () => {
    expect(rate(3n, -6n)).toEqual({ num: -1n, den: 2n });
  });

  test("compareRates orders by value, not by representation", () => {
    expect(compareRates(rate(1n, 3n), rate(2n, 6n))).toBe(0);
    expect(compareRates(parseRate("0.1"), parseRate("0.09"))).toBe(1);
    expect(compareRates(ZERO_RATE, parseRate("0.0001"))).toBe(-1);
    expect(isZeroRate(parseRate("0.000"))).toBe(true);
  });

  test("a zero denominator or dividing by zero is a coded error", () => {
    expect(() => rate(1n, 0n)).toThrow(domainErrorWithCode(ErrorCode.InvalidRate));
    expect(() => rateDivide(ONE, ZERO_RATE)).toThrow(domainErrorWithCode(ErrorCode.DivisionByZero));
  });
});

describe("applyRate", () => {
  test("monthly interest on 1000.00 at 12.99%/12 with the rounding chosen", () => {
    const monthly = rateDivide(parseRate("0.1299"), rate(12n, 1n));
    const balance = parseMoney("1000.00", "USD");
    // exact: 10.825
    expect(applyRate(balance, monthly, halfUp)).toEqual(parseMoney("10.83", "USD"));
    expect(applyRate(balance, monthly, halfEven)).toEqual(parseMoney("10.82", "USD"));
    expect(applyRate(balance, monthly, floor)).toEqual(parseMoney("10.82", "USD"));
  });

  test("keeps the currency's minor unit", () => {
    expect(applyRate(parseMoney("333", "JPY"), parseRate("0.5"), halfUp)).toEqual(
      parseMoney("167", "JPY"),
    );
    expect(applyRate(parseMoney("1.001", "KWD"), parseRate("0.5"), halfEven)).toEqual(
      parseMoney("0.500", "KWD"),
    );
  });
});

describe("formatRate", () => {
  test("rounds half-up to the digits asked for", () => {
    expect(formatRate(parseRate("0.1299"))).toBe("0.1299");
    expect(formatRate(rate(1n, 3n))).toBe("0.3333");
    expect(formatRate(rate(2n, 3n), 2)).toBe("0.67");
    expect(formatRate(rate(7n, 2n), 0)).toBe("4");
    expect(formatRate(parseRate("0.00005"))).toBe("0.0001");
  });

  test("formats a negative rate (a difference of rates) with its sign in front", () => {
    expect(formatRate(rateMinus(parseRate("0.05"), parseRate("0.1299")))).toBe("-0.0799");
    expect(formatRate(rate(-1n, 2n))).toBe("-0.5000");
    expect(formatRate(rate(-1n, 20000n))).toBe("-0.0001");
    expect(formatRate(rate(-7n, 2n), 0)).toBe("-4");
  });

  test("a negative rate that rounds to zero prints no minus sign", () => {
    expect(formatRate(rate(-1n, 100000n))).toBe("0.0000");
  });
});
