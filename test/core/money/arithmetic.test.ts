// Money arithmetic: exact sums in one currency, a coded error when currencies mix.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ErrorCode } from "../../../core/errors/codes.ts";
import {
  add,
  isNegative,
  isPositive,
  isZero,
  max,
  min,
  subtract,
  sum,
} from "../../../core/money/arithmetic.ts";
import { parseMoney } from "../../../core/money/decimal.ts";
import { type Money, money, zero } from "../../../core/money/money.ts";
import { domainErrorWithCode } from "../../helpers/builders.ts";
import { moneyArbitrary, sameCurrencyTriple } from "./arbitraries.ts";

const usd = (text: string) => parseMoney(text, "USD");

describe("arithmetic in one currency", () => {
  test("adds and subtracts exactly, even where floats would not", () => {
    expect(add(usd("0.10"), usd("0.20"))).toEqual(usd("0.30"));
    expect(subtract(usd("1.00"), usd("1.01"))).toEqual(usd("-0.01"));
  });

  test("sums a list, and an empty list is zero in the given currency", () => {
    expect(sum([usd("1.00"), usd("2.50"), usd("-0.25")], "USD")).toEqual(usd("3.25"));
    expect(sum([], "KWD")).toEqual(zero("KWD"));
  });

  test("min and max pick by amount", () => {
    expect(min(usd("1.00"), usd("-2.00"))).toEqual(usd("-2.00"));
    expect(max(usd("1.00"), usd("-2.00"))).toEqual(usd("1.00"));
  });

  test("sign predicates", () => {
    expect([isZero(usd("0")), isPositive(usd("0.01")), isNegative(usd("-0.01"))]).toEqual([
      true,
      true,
      true,
    ]);
    expect([isZero(usd("0.01")), isPositive(usd("0")), isNegative(usd("0"))]).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe("mixing currencies at run time", () => {
  // Typed as plain `string` currencies, as values read from JSON or a database are.
  const dollars: Money = money(100n, "USD");
  const euros: Money = money(100n, "EUR");
  const eur: string = "EUR";

  test.each([
    ["add", () => add(dollars, euros)],
    ["subtract", () => subtract(dollars, euros)],
    ["min", () => min(dollars, euros)],
    ["max", () => max(dollars, euros)],
    ["sum", () => sum([dollars, euros], dollars.currency)],
  ])("%s throws CURRENCY_MISMATCH", (_name, mix) => {
    expect(mix).toThrow(domainErrorWithCode(ErrorCode.CurrencyMismatch));
  });

  test("the error names both currencies", () => {
    expect(() => add(dollars, euros)).toThrow(
      expect.objectContaining({ details: { left: "USD", right: "EUR" } }),
    );
  });

  test("sum refuses items in a currency other than the one asked for", () => {
    expect(() => sum([dollars], eur)).toThrow(domainErrorWithCode(ErrorCode.CurrencyMismatch));
  });
});

describe("algebra (property)", () => {
  test("add is commutative", () => {
    fc.assert(
      fc.property(sameCurrencyTriple, ({ a, b }) => {
        expect(add(a, b)).toEqual(add(b, a));
      }),
    );
  });

  test("add is associative", () => {
    fc.assert(
      fc.property(sameCurrencyTriple, ({ a, b, c }) => {
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
      }),
    );
  });

  test("zero is the identity of add", () => {
    fc.assert(
      fc.property(moneyArbitrary, (a) => {
        expect(add(a, zero(a.currency))).toEqual(a);
        expect(add(zero(a.currency), a)).toEqual(a);
      }),
    );
  });

  test("subtract undoes add", () => {
    fc.assert(
      fc.property(sameCurrencyTriple, ({ a, b }) => {
        expect(subtract(add(a, b), b)).toEqual(a);
      }),
    );
  });

  test("sum agrees with repeated add", () => {
    fc.assert(
      fc.property(sameCurrencyTriple, ({ currency, a, b, c }) => {
        expect(sum([a, b, c], currency)).toEqual(add(add(a, b), c));
      }),
    );
  });
});
