// Named roundings of an exact quotient n/d to an integer. Every rounding in the product is one of these.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";

/** Rounds the exact quotient numerator/denominator to an integer. */
export type Rounding = (numerator: bigint, denominator: bigint) => bigint;

function divisionByZero(): never {
  throw new DomainError(ErrorCode.DivisionByZero, "division by zero");
}

function normalise(numerator: bigint, denominator: bigint): [bigint, bigint] {
  if (denominator === 0n) divisionByZero();
  return denominator < 0n ? [-numerator, -denominator] : [numerator, denominator];
}

/** Toward negative infinity. */
export const floor: Rounding = (numerator, denominator) => {
  // Hot in every schedule: the sign is fixed without normalise's array.
  if (denominator === 0n) divisionByZero();
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = n / d;
  return n < 0n && n % d !== 0n ? q - 1n : q;
};

/** Toward positive infinity. */
export const ceil: Rounding = (numerator, denominator) => {
  const [n, d] = normalise(numerator, denominator);
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
};

/** Toward zero (truncation). */
export const down: Rounding = (numerator, denominator) => {
  const [n, d] = normalise(numerator, denominator);
  return n / d;
};

/** Nearest; a half goes away from zero (commercial rounding, the default for installments). */
export const halfUp: Rounding = (numerator, denominator) => {
  // Hot in every schedule: the sign is fixed without normalise's array.
  if (denominator === 0n) divisionByZero();
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const abs = n < 0n ? -n : n;
  const q = (2n * abs + d) / (2n * d);
  return n < 0n ? -q : q;
};

/** Nearest; a half goes to the even neighbour (banker's rounding). */
export const halfEven: Rounding = (numerator, denominator) => {
  const [n, d] = normalise(numerator, denominator);
  const q = floor(n, d);
  const twiceRemainder = 2n * (n - q * d);
  if (twiceRemainder < d) return q;
  if (twiceRemainder > d) return q + 1n;
  return q % 2n === 0n ? q : q + 1n;
};

export const roundings = { floor, ceil, down, halfUp, halfEven } as const;
export type RoundingName = keyof typeof roundings;
