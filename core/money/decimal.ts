// Exact conversion between decimal strings in major units ("1200.00") and Money in minor units.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { currencyOf } from "./currency.ts";
import { type Money, money } from "./money.ts";
import { halfUp, type Rounding } from "./rounding.ts";

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses "1200.00" as 120000 minor units of USD. Extra fraction digits are an error unless a
 * rounding is given: `parseMoney("1.005", "USD", halfUp)` is 1.01.
 */
export function parseMoney<C extends string>(text: string, code: C, rounding?: Rounding): Money<C> {
  const { exponent } = currencyOf(code);
  const match = DECIMAL.exec(text.trim());
  if (!match) {
    throw new DomainError(ErrorCode.InvalidAmount, `"${text}" is not a decimal amount`, { text });
  }
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > exponent && !rounding) {
    throw new DomainError(
      ErrorCode.InvalidAmount,
      `"${text}" has more than ${exponent} decimal places for ${code}`,
      { text, currency: code },
    );
  }
  const digits = BigInt(`${whole}${fraction}`);
  const scale = fraction.length - exponent;
  const signed = sign === "-" ? -digits : digits;
  if (scale <= 0) return money(signed * 10n ** BigInt(-scale), code);
  return money((rounding ?? halfUp)(signed, 10n ** BigInt(scale)), code);
}

/** Formats money as a plain decimal string in major units: 120000n USD -> "1200.00". */
export function formatMoney(value: Money): string {
  const { exponent } = currencyOf(value.currency);
  const negative = value.minor < 0n;
  const digits = (negative ? -value.minor : value.minor).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}
