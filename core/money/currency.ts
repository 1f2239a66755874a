// ISO 4217 currencies the product knows, with the exponent (minor-unit digits) of each.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";

export interface Currency<C extends string = string> {
  readonly code: C;
  /** Digits after the decimal point in the minor unit: USD 2, JPY 0, KWD 3. */
  readonly exponent: number;
}

const EXPONENTS: Readonly<Record<string, number>> = {
  AUD: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  IDR: 2,
  INR: 2,
  JOD: 3,
  JPY: 0,
  KES: 2,
  KRW: 0,
  KWD: 3,
  MXN: 2,
  MYR: 2,
  NGN: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PHP: 2,
  PKR: 2,
  PLN: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TND: 3,
  TRY: 2,
  TWD: 2,
  USD: 2,
  VND: 0,
  ZAR: 2,
};

export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(EXPONENTS, code);
}

/** Looks a currency up by its ISO 4217 code; throws UNKNOWN_CURRENCY otherwise. */
export function currencyOf<C extends string>(code: C): Currency<C> {
  const exponent = Object.hasOwn(EXPONENTS, code) ? EXPONENTS[code] : undefined;
  if (exponent === undefined) {
    throw new DomainError(ErrorCode.UnknownCurrency, `unknown currency "${code}"`, { code });
  }
  return { code, exponent };
}
