// Money: an integer amount of minor units in one currency. Immutable; never a float.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { currencyOf, isKnownCurrency } from "./currency.ts";

/**
 * `C` is the currency code. With a literal code (`Money<"USD">`) mixing currencies is a
 * type error; with a plain `string` the arithmetic checks at run time (CURRENCY_MISMATCH).
 */
export interface Money<C extends string = string> {
  readonly minor: bigint;
  readonly currency: C;
}

/** Builds money from minor units: `money(120000n, "USD")` is 1200.00 USD. */
export function money<C extends string>(minor: bigint, currency: C): Money<C> {
  if (!isKnownCurrency(currency)) currencyOf(currency); // throws UNKNOWN_CURRENCY
  return Object.freeze({ minor, currency });
}

/**
 * A maker of money in one currency, the currency checked once: for loops that build many
 * amounts (a schedule's installments) without looking the code up each time.
 *
 * @example const usd = moneyIn("USD"); usd(120000n) // 1200.00 USD
 */
export function moneyIn<C extends string>(currency: C): (minor: bigint) => Money<C> {
  money(0n, currency); // throws UNKNOWN_CURRENCY
  return (minor) => Object.freeze({ minor, currency });
}

export function zero<C extends string>(currency: C): Money<C> {
  return money(0n, currency);
}

export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new DomainError(
      ErrorCode.CurrencyMismatch,
      `cannot combine ${a.currency} with ${b.currency}`,
      { left: a.currency, right: b.currency },
    );
  }
}
