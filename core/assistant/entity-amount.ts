// An amount the borrower named, read in a loan's currency; nothing when it is not a usable amount.
import { isDomainError } from "../errors/domain-error.ts";
import { parseMoney } from "../money/decimal.ts";
import type { Money } from "../money/money.ts";

/** "80" on a USD loan is 80.00; "0", "1.005" on USD (too many decimals) or junk give undefined. */
export function entityAmount(text: string | undefined, currency: string): Money | undefined {
  if (text === undefined) return undefined;
  try {
    const amount = parseMoney(text, currency);
    return amount.minor > 0n ? amount : undefined;
  } catch (error) {
    if (isDomainError(error)) return undefined;
    throw error;
  }
}
