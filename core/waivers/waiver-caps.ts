// The largest waiver one agent action may grant, per currency: "USD:50.00,JPY:5000", else a default from the exponent.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { currencyOf, isKnownCurrency } from "../money/currency.ts";
import { parseMoney } from "../money/decimal.ts";
import { type Money, money } from "../money/money.ts";

export interface WaiverCaps {
  /** Caps named for a currency, in its minor units. */
  readonly byCurrency: ReadonlyMap<string, bigint>;
  /** A bare amount ("50.00"): the cap of every unnamed currency whose exponent can write it. */
  readonly anyCurrency?: string;
}

/** Default caps in major units by exponent: 5000 JPY, 50.00 USD, 50.000 KWD. */
const DEFAULT_MAJOR_BY_EXPONENT: Readonly<Record<number, bigint>> = { 0: 5000n, 1: 500n };
const DEFAULT_MAJOR = 50n;

/**
 * Reads REPAY_SLACK_MAX_WAIVER: comma-separated `CCY:amount` entries and at most one bare
 * amount. Throws INVALID_WAIVER_CAP naming the entry that is wrong.
 *
 * @example parseWaiverCaps("USD:50.00,JPY:5000") // byCurrency USD 5000n, JPY 5000n
 */
export function parseWaiverCaps(text: string): WaiverCaps {
  const byCurrency = new Map<string, bigint>();
  let anyCurrency: string | undefined;
  for (const entry of text.split(",").map((part) => part.trim())) {
    if (entry === "") continue;
    const [code, amount] = entry.includes(":")
      ? (entry.split(":", 2).map((part) => part.trim()) as [string, string])
      : [undefined, entry];
    if (code === undefined) {
      if (anyCurrency !== undefined || !/^\d{1,12}(\.\d{1,3})?$/.test(amount)) {
        throw invalid(entry, "give one bare amount at most, a decimal like 50.00");
      }
      anyCurrency = amount;
      continue;
    }
    const upper = code.toUpperCase();
    if (!isKnownCurrency(upper))
      throw invalid(entry, `${code} is not a currency the product knows`);
    if (byCurrency.has(upper)) throw invalid(entry, `${upper} is given twice`);
    const cap = capFor(amount, upper);
    if (cap === undefined) {
      const { exponent } = currencyOf(upper);
      throw invalid(entry, `must be a positive amount with at most ${exponent} decimals`);
    }
    byCurrency.set(upper, cap);
  }
  return anyCurrency === undefined ? { byCurrency } : { byCurrency, anyCurrency };
}

/** The cap for `currency`: its own entry, else the bare amount if it fits, else the default. */
export function waiverCap<C extends string>(caps: WaiverCaps, currency: C): Money<C> {
  const named = caps.byCurrency.get(currency);
  if (named !== undefined) return money(named, currency);
  const bare = caps.anyCurrency === undefined ? undefined : capFor(caps.anyCurrency, currency);
  return bare !== undefined ? money(bare, currency) : defaultWaiverCap(currency);
}

/** 5000 for a currency without decimals (JPY, KRW), 500 with one, 50 with two or three. */
export function defaultWaiverCap<C extends string>(currency: C): Money<C> {
  const { exponent } = currencyOf(currency);
  const major = DEFAULT_MAJOR_BY_EXPONENT[exponent] ?? DEFAULT_MAJOR;
  return money(major * 10n ** BigInt(exponent), currency);
}

function capFor(amount: string, currency: string): bigint | undefined {
  if (!/^\d{1,15}(\.\d{1,3})?$/.test(amount)) return undefined;
  try {
    const minor = parseMoney(amount, currency).minor;
    return minor > 0n ? minor : undefined;
  } catch {
    return undefined; // more decimals than the currency has
  }
}

function invalid(entry: string, reason: string): DomainError {
  return new DomainError(ErrorCode.InvalidWaiverCap, `"${entry}": ${reason}`, { entry });
}
