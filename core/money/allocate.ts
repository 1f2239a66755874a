// Splits money by ratios exactly: shares are floored, and the leftover minor units go one each
// to the largest fractional remainders (ties to the earlier share). Nothing is lost or made up.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type Money, money } from "./money.ts";
import { floor } from "./rounding.ts";

export function allocate<C extends string>(value: Money<C>, ratios: readonly bigint[]): Money<C>[] {
  const total = ratios.reduce((acc, r) => acc + r, 0n);
  if (ratios.length === 0 || ratios.some((r) => r < 0n) || total === 0n) {
    throw new DomainError(
      ErrorCode.InvalidRatios,
      "allocation needs at least one non-negative ratio and a positive total",
      { ratios: ratios.map(String) },
    );
  }
  const shares = ratios.map((r) => floor(value.minor * r, total));
  const remainders = ratios.map((r, i) => value.minor * r - (shares[i] as bigint) * total);
  let leftover = value.minor - shares.reduce((acc, s) => acc + s, 0n);
  const order = ratios
    .map((_, i) => i)
    .filter((i) => (ratios[i] as bigint) > 0n)
    .sort((a, b) => {
      const diff = (remainders[b] as bigint) - (remainders[a] as bigint);
      return diff > 0n ? 1 : diff < 0n ? -1 : a - b;
    });
  for (let k = 0; leftover > 0n; k = (k + 1) % order.length, leftover -= 1n) {
    const i = order[k] as number;
    shares[i] = (shares[i] as bigint) + 1n;
  }
  return shares.map((s) => money(s, value.currency));
}
