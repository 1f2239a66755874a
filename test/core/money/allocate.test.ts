// allocate: splits money by ratios without losing or inventing a minor unit.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ErrorCode } from "../../../core/errors/codes.ts";
import { allocate } from "../../../core/money/allocate.ts";
import { parseMoney } from "../../../core/money/decimal.ts";
import { money } from "../../../core/money/money.ts";
import { domainErrorWithCode } from "../../helpers/builders.ts";
import { currencyArbitrary, minorArbitrary, ratiosArbitrary } from "./arbitraries.ts";

const cents = (minor: bigint) => money(minor, "USD");
const minorsOf = (shares: readonly { minor: bigint }[]) => shares.map((share) => share.minor);

describe("allocate", () => {
  test("splits evenly when the ratios divide the amount", () => {
    expect(minorsOf(allocate(parseMoney("90.00", "USD"), [1n, 2n]))).toEqual([3000n, 6000n]);
  });

  test("gives a leftover cent to the earlier share when remainders tie", () => {
    expect(minorsOf(allocate(cents(100n), [1n, 1n, 1n]))).toEqual([34n, 33n, 33n]);
    expect(minorsOf(allocate(cents(1n), [1n, 1n, 1n]))).toEqual([1n, 0n, 0n]);
  });

  test("gives leftover cents to the largest remainders first", () => {
    // exact shares 0.7, 2.1, 7.2: floors 0, 2, 7 leave 0.7 + 0.1 + 0.2 = 1 cent for the 0.7.
    expect(minorsOf(allocate(cents(10n), [7n, 21n, 72n]))).toEqual([1n, 2n, 7n]);
  });

  test("a zero ratio gets nothing, even when cents are left over", () => {
    expect(minorsOf(allocate(cents(5n), [0n, 1n, 0n, 1n]))).toEqual([0n, 3n, 0n, 2n]);
  });

  test("keeps the currency, and JPY splits in whole yen", () => {
    const shares = allocate(parseMoney("1000", "JPY"), [1n, 1n, 1n]);
    expect(shares.map((s) => s.currency)).toEqual(["JPY", "JPY", "JPY"]);
    expect(minorsOf(shares)).toEqual([334n, 333n, 333n]);
  });

  test.each([{ ratios: [] }, { ratios: [0n, 0n] }, { ratios: [1n, -1n, 1n] }])(
    "refuses ratios $ratios with INVALID_RATIOS",
    ({ ratios }) => {
      expect(() => allocate(cents(100n), ratios)).toThrow(
        domainErrorWithCode(ErrorCode.InvalidRatios),
      );
    },
  );
});

describe("allocate (property)", () => {
  const cases = fc.record({
    currency: currencyArbitrary,
    minor: fc.oneof(minorArbitrary, fc.bigInt({ min: -50n, max: 50n })),
    ratios: ratiosArbitrary,
  });

  test("the shares always add up to the amount, for negative amounts too", () => {
    fc.assert(
      fc.property(cases, ({ currency, minor, ratios }) => {
        const shares = allocate(money(minor, currency), ratios);
        expect(shares).toHaveLength(ratios.length);
        expect(shares.reduce((acc, share) => acc + share.minor, 0n)).toBe(minor);
        expect(shares.every((share) => share.currency === currency)).toBe(true);
      }),
    );
  });

  test("each share is within one minor unit of its exact proportional share", () => {
    fc.assert(
      fc.property(cases, ({ currency, minor, ratios }) => {
        const total = ratios.reduce((acc, r) => acc + r, 0n);
        allocate(money(minor, currency), ratios).forEach((share, i) => {
          // |share - minor * r / total| < 1, kept in integers by scaling with total.
          const gap = share.minor * total - minor * (ratios[i] as bigint);
          expect(gap < total && -gap < total).toBe(true);
        });
      }),
    );
  });

  test("zero ratios always get exactly zero", () => {
    fc.assert(
      fc.property(cases, ({ currency, minor, ratios }) => {
        allocate(money(minor, currency), ratios).forEach((share, i) => {
          if (ratios[i] === 0n) expect(share.minor).toBe(0n);
        });
      }),
    );
  });
});
