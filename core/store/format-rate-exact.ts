// Prints a rate as the exact decimal it came from ("0.1299"); throws when no finite decimal exists.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type Rate, rate } from "../money/rate.ts";

/**
 * The lossless decimal text of `r`, for storing rates as strings: 1299/10000 is "0.1299",
 * 1/8 is "0.125", 3/1 is "3". A denominator with a prime factor other than 2 or 5 (1/3) has
 * no finite decimal, so it throws INVALID_RATE rather than round.
 *
 * @example formatRateExact(parseRate("0.1299")) // "0.1299"
 */
export function formatRateExact(r: Rate): string {
  const { num, den } = rate(r.num, r.den);
  let twos = 0;
  let fives = 0;
  let rest = den;
  while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
  while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
  if (rest !== 1n) {
    throw new DomainError(ErrorCode.InvalidRate, `${num}/${den} has no exact decimal form`, {
      num: num.toString(),
      den: den.toString(),
    });
  }
  const digits = Math.max(twos, fives);
  const scaled = num * (10n ** BigInt(digits) / den);
  const magnitude = (scaled < 0n ? -scaled : scaled).toString().padStart(digits + 1, "0");
  const sign = scaled < 0n ? "-" : "";
  if (digits === 0) return sign + magnitude;
  return `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}
