// Exact arithmetic on Money of one currency.
// `NoInfer` on the second operand: C comes from the first, so Money<"USD"> + Money<"EUR"> is a type
// error instead of inferring C = "USD" | "EUR".
import { assertSameCurrency, type Money, money } from "./money.ts";

export function add<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  assertSameCurrency(a, b);
  return money(a.minor + b.minor, a.currency);
}

export function subtract<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  assertSameCurrency(a, b);
  return money(a.minor - b.minor, a.currency);
}

export function sum<C extends string>(items: readonly Money<NoInfer<C>>[], currency: C): Money<C> {
  let total = 0n;
  for (const item of items) {
    assertSameCurrency(item, { minor: 0n, currency });
    total += item.minor;
  }
  return money(total, currency);
}

export function min<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  assertSameCurrency(a, b);
  return a.minor <= b.minor ? a : b;
}

export function max<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  assertSameCurrency(a, b);
  return a.minor >= b.minor ? a : b;
}

export function isZero(a: Money): boolean {
  return a.minor === 0n;
}

export function isPositive(a: Money): boolean {
  return a.minor > 0n;
}

export function isNegative(a: Money): boolean {
  return a.minor < 0n;
}
