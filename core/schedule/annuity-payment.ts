// The level (annuity) payment that repays a principal with interest in equal installments.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type Money, money } from "../money/money.ts";
import type { Rate } from "../money/rate.ts";
import { halfUp, type Rounding } from "../money/rounding.ts";

/**
 * P·r·(1+r)^n / ((1+r)^n − 1), computed exactly on bigint rationals and rounded once to the
 * minor unit (half-up unless another named rounding is given). With r = 0 it is P/n.
 *
 * @example annuityPayment(money(120000n, "USD"), rate(1299n, 120000n), 12) // 107.17 USD
 */
export function annuityPayment<C extends string>(
  principal: Money<C>,
  periodicRate: Rate,
  periods: number,
  rounding: Rounding = halfUp,
): Money<C> {
  if (!Number.isInteger(periods) || periods < 1) {
    throw new DomainError(ErrorCode.InvalidTerms, "periods must be a positive integer", {
      field: "periods",
      value: periods,
    });
  }
  const { num: a, den: b } = periodicRate;
  if (a < 0n) {
    throw new DomainError(ErrorCode.InvalidTerms, "periodic rate must not be negative", {
      field: "periodicRate",
      value: `${a}/${b}`,
    });
  }
  const n = BigInt(periods);
  if (a === 0n) return money(rounding(principal.minor, n), principal.currency);
  // With r = a/b: (1+r)^n = (b+a)^n / b^n, so the payment is P·a·(b+a)^n / (b·((b+a)^n − b^n)).
  const grown = (b + a) ** n;
  const numerator = principal.minor * a * grown;
  const denominator = b * (grown - b ** n);
  return money(rounding(numerator, denominator), principal.currency);
}
