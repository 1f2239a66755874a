// Type-level guard: with literal currency codes, mixing currencies must not compile (tsc runs in `npm test`).
import { describe, expect, expectTypeOf, test } from "vitest";
import { ErrorCode } from "../../../core/errors/codes.ts";
import { add, max, min, subtract, sum } from "../../../core/money/arithmetic.ts";
import { type Money, money } from "../../../core/money/money.ts";
import { domainErrorWithCode } from "../../helpers/builders.ts";

const dollars: Money<"USD"> = money(100n, "USD");
const euros: Money<"EUR"> = money(100n, "EUR");

describe("currency in the type", () => {
  test("adding USD to EUR is a type error, and still a CURRENCY_MISMATCH if forced", () => {
    // If this line ever compiles, `tsc --noEmit` fails on the unused directive.
    // @ts-expect-error Money<"EUR"> is not assignable to Money<"USD">
    const mixed = () => add(dollars, euros);
    expect(mixed).toThrow(domainErrorWithCode(ErrorCode.CurrencyMismatch));
  });

  test("the other binary operations refuse mixed currencies too", () => {
    // @ts-expect-error EUR into a USD subtraction
    expect(() => subtract(dollars, euros)).toThrow();
    // @ts-expect-error EUR into a USD min
    expect(() => min(dollars, euros)).toThrow();
    // @ts-expect-error EUR into a USD max
    expect(() => max(dollars, euros)).toThrow();
    // @ts-expect-error a EUR item in a USD sum
    expect(() => sum([dollars, euros], "USD")).toThrow();
  });

  test("same-currency results keep the literal currency", () => {
    expectTypeOf(add(dollars, dollars)).toEqualTypeOf<Money<"USD">>();
    expectTypeOf(sum([euros], "EUR")).toEqualTypeOf<Money<"EUR">>();
    expectTypeOf(money(1n, "KWD")).toEqualTypeOf<Money<"KWD">>();
  });

  test("money of an unknown-at-compile-time currency still type-checks with itself", () => {
    const fromJson: Money = money(1n, "JPY" as string);
    expectTypeOf(add(fromJson, fromJson)).toEqualTypeOf<Money<string>>();
  });
});
