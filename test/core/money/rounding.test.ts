// Named roundings: each mode on the halves that tell them apart, and every mode's distance from the exact quotient.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ErrorCode } from "../../../core/errors/codes.ts";
import {
  ceil,
  down,
  floor,
  halfEven,
  halfUp,
  type Rounding,
  roundings,
} from "../../../core/money/rounding.ts";
import { domainErrorWithCode } from "../../helpers/builders.ts";
import { quotientArbitrary } from "./arbitraries.ts";

/** Rounds a decimal like 2.5 given as tenths (25n) with `rounding`. */
const tenths = (rounding: Rounding, value: bigint) => rounding(value, 10n);

describe("halfUp and halfEven on exact halves", () => {
  test.each([
    { value: 25n, halfUp: 3n, halfEven: 2n },
    { value: -25n, halfUp: -3n, halfEven: -2n },
    { value: 35n, halfUp: 4n, halfEven: 4n },
    { value: -35n, halfUp: -4n, halfEven: -4n },
    { value: 5n, halfUp: 1n, halfEven: 0n },
    { value: -5n, halfUp: -1n, halfEven: 0n },
    { value: 15n, halfUp: 2n, halfEven: 2n },
  ])("$value tenths round to $halfUp half-up and $halfEven half-even", (row) => {
    expect(tenths(halfUp, row.value)).toBe(row.halfUp);
    expect(tenths(halfEven, row.value)).toBe(row.halfEven);
  });

  test("both round to the nearest integer when the quotient is not a half", () => {
    for (const rounding of [halfUp, halfEven]) {
      expect(tenths(rounding, 24n)).toBe(2n);
      expect(tenths(rounding, 26n)).toBe(3n);
      expect(tenths(rounding, -24n)).toBe(-2n);
      expect(tenths(rounding, -26n)).toBe(-3n);
    }
  });
});

describe("directed roundings", () => {
  test.each([
    { value: 27n, floor: 2n, ceil: 3n, down: 2n },
    { value: -27n, floor: -3n, ceil: -2n, down: -2n },
    { value: 20n, floor: 2n, ceil: 2n, down: 2n },
    { value: -20n, floor: -2n, ceil: -2n, down: -2n },
  ])("$value tenths: floor $floor, ceil $ceil, down $down", (row) => {
    expect(tenths(floor, row.value)).toBe(row.floor);
    expect(tenths(ceil, row.value)).toBe(row.ceil);
    expect(tenths(down, row.value)).toBe(row.down);
  });

  test("a negative denominator rounds the same quotient as its negation", () => {
    expect(floor(7n, -2n)).toBe(-4n);
    expect(ceil(7n, -2n)).toBe(-3n);
    expect(halfUp(5n, -2n)).toBe(-3n);
    expect(halfEven(5n, -2n)).toBe(-2n);
  });

  test("dividing by zero is a DIVISION_BY_ZERO domain error in every mode", () => {
    for (const rounding of Object.values(roundings)) {
      expect(() => rounding(1n, 0n)).toThrow(domainErrorWithCode(ErrorCode.DivisionByZero));
    }
  });
});

describe("every rounding against the exact quotient (property)", () => {
  /** |q - n/d| scaled by 2|d|, so comparisons stay in integers. */
  const twiceError = (q: bigint, n: bigint, d: bigint) => {
    const error = 2n * (q * d - n);
    return { error: error < 0n ? -error : error, unit: 2n * (d < 0n ? -d : d) };
  };

  test("halfUp and halfEven land within half a unit of n/d", () => {
    fc.assert(
      fc.property(quotientArbitrary, ({ numerator, denominator }) => {
        for (const rounding of [halfUp, halfEven]) {
          const { error, unit } = twiceError(
            rounding(numerator, denominator),
            numerator,
            denominator,
          );
          expect(2n * error).toBeLessThanOrEqual(unit);
        }
      }),
    );
  });

  test("halfUp and halfEven differ only on exact halves, and then by one", () => {
    fc.assert(
      fc.property(quotientArbitrary, ({ numerator, denominator }) => {
        const up = halfUp(numerator, denominator);
        const even = halfEven(numerator, denominator);
        if (up === even) return;
        const { error, unit } = twiceError(up, numerator, denominator);
        expect(2n * error).toBe(unit);
        expect(even % 2n).toBe(0n);
        expect(up - even === 1n || up - even === -1n).toBe(true);
      }),
    );
  });

  test("floor, ceil and down land within one unit, on their promised side", () => {
    fc.assert(
      fc.property(quotientArbitrary, ({ numerator, denominator }) => {
        const [n, d] = denominator < 0n ? [-numerator, -denominator] : [numerator, denominator];
        const f = floor(n, d);
        const c = ceil(n, d);
        expect(f * d <= n && n < (f + 1n) * d).toBe(true);
        expect((c - 1n) * d < n && n <= c * d).toBe(true);
        expect(down(n, d)).toBe(n < 0n ? c : f);
      }),
    );
  });
});
