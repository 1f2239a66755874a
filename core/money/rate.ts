// Rates as exact rationals (num/den, den > 0), parsed from decimal strings; never JS floats.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type Money, money } from "./money.ts";
import type { Rounding } from "./rounding.ts";

export interface Rate {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const rest = x % y;
    x = y;
    y = rest;
  }
  return x === 0n ? 1n : x;
}

export function rate(num: bigint, den: bigint): Rate {
  if (den === 0n)
    throw new DomainError(ErrorCode.InvalidRate, "a rate needs a non-zero denominator");
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den);
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/** Parses a non-negative decimal rate: "0.1299" is 1299/10000. */
export function parseRate(text: string): Rate {
  const match = DECIMAL.exec(text.trim());
  if (!match) {
    throw new DomainError(ErrorCode.InvalidRate, `"${text}" is not a non-negative decimal rate`, {
      text,
    });
  }
  const [, whole, fraction = ""] = match;
  return rate(BigInt(`${whole}${fraction}`), 10n ** BigInt(fraction.length));
}

export const ZERO_RATE: Rate = { num: 0n, den: 1n };
export const ONE: Rate = { num: 1n, den: 1n };

export function rateTimes(a: Rate, b: Rate): Rate {
  return rate(a.num * b.num, a.den * b.den);
}

export function ratePlus(a: Rate, b: Rate): Rate {
  return rate(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function rateMinus(a: Rate, b: Rate): Rate {
  return rate(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function rateDivide(a: Rate, b: Rate): Rate {
  if (b.num === 0n) throw new DomainError(ErrorCode.DivisionByZero, "division by a zero rate");
  return rate(a.num * b.den, a.den * b.num);
}

export function ratePow(a: Rate, exponent: number): Rate {
  const e = BigInt(exponent);
  return rate(a.num ** e, a.den ** e);
}

export function isZeroRate(a: Rate): boolean {
  return a.num === 0n;
}

export function compareRates(a: Rate, b: Rate): number {
  const diff = a.num * b.den - b.num * a.den;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** Multiplies money by a rate with a named rounding: interest = balance x periodic rate. */
export function applyRate<C extends string>(
  value: Money<C>,
  r: Rate,
  rounding: Rounding,
): Money<C> {
  return money(rounding(value.minor * r.num, r.den), value.currency);
}

/** Formats a rate as a decimal string with `digits` fraction digits, rounded half-up. */
export function formatRate(r: Rate, digits = 4): string {
  const scale = 10n ** BigInt(digits);
  // Round the magnitude, then sign it: bigint division truncates, which would round a
  // negative rate (from rateMinus) toward zero and put the "-" inside the padded digits.
  const magnitude = r.num < 0n ? -r.num : r.num;
  const scaled = (2n * magnitude * scale + r.den) / (2n * r.den);
  const text = scaled.toString().padStart(digits + 1, "0");
  const sign = r.num < 0n && scaled !== 0n ? "-" : "";
  return sign + (digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`);
}
