// fast-check arbitraries for money tests: currencies of every exponent, amounts and canonical decimals.
import fc from "fast-check";
import { currencyOf } from "../../../core/money/currency.ts";
import { type Money, money } from "../../../core/money/money.ts";

/** One currency per exponent the product meets: JPY 0, USD/EUR/CNY 2, KWD 3. */
export const currencies = ["JPY", "USD", "EUR", "CNY", "KWD"] as const;
export const currencyArbitrary = fc.constantFrom(...currencies);

/** Minor units from well below -10^15 to well above, so bigint paths past 2^53 get exercised. */
export const minorArbitrary = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n });

export const moneyArbitrary: fc.Arbitrary<Money> = fc
  .tuple(minorArbitrary, currencyArbitrary)
  .map(([minor, currency]) => money(minor, currency));

/** Three amounts of one currency, for commutativity and associativity. */
export const sameCurrencyTriple = currencyArbitrary.chain((currency) =>
  fc.tuple(minorArbitrary, minorArbitrary, minorArbitrary).map(([a, b, c]) => ({
    currency,
    a: money(a, currency),
    b: money(b, currency),
    c: money(c, currency),
  })),
);

/**
 * A decimal string exactly as formatMoney writes it: no sign on zero, no leading zeros, and
 * exactly the currency's number of fraction digits ("-12.05", "0.005", "1200").
 */
export const canonicalDecimal = currencyArbitrary.chain((currency) => {
  const { exponent } = currencyOf(currency);
  return fc
    .record({
      negative: fc.boolean(),
      whole: fc.bigInt({ min: 0n, max: 10n ** 15n }),
      fraction: fc.bigInt({ min: 0n, max: 10n ** BigInt(exponent) - 1n }),
    })
    .map(({ negative, whole, fraction }) => {
      const digits = exponent > 0 ? `.${fraction.toString().padStart(exponent, "0")}` : "";
      const isZero = whole === 0n && fraction === 0n;
      return { currency, text: `${negative && !isZero ? "-" : ""}${whole}${digits}` };
    });
});

/** A non-empty list of non-negative ratios with a positive total. */
export const ratiosArbitrary = fc
  .array(fc.bigInt({ min: 0n, max: 1_000n }), { minLength: 1, maxLength: 12 })
  .filter((ratios) => ratios.some((r) => r > 0n));

/** A rounding's inputs: any numerator, a non-zero denominator of either sign. */
export const quotientArbitrary = fc.record({
  numerator: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
  denominator: fc
    .bigInt({ min: -(10n ** 6n), max: 10n ** 6n })
    .filter((denominator) => denominator !== 0n),
});
