// Money for borrowers: Intl currency formatting fed the exact decimal string, never a float.
import { currencyOf } from "../money/currency.ts";
import { formatMoney } from "../money/decimal.ts";
import type { Money } from "../money/money.ts";

// ES2023 Intl (Node 20) formats a decimal string exactly; the ES2022 lib types only know numbers.
interface DecimalFormatter {
  format(value: string): string;
}

const formatters = new Map<string, DecimalFormatter>();

function formatterFor(locale: string, currency: string): DecimalFormatter {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // The fraction digits follow our currency table, not ICU's, so every minor unit shows.
    const digits = currencyOf(currency).exponent;
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }) as unknown as DecimalFormatter;
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats money in a borrower's locale from its minor units, exactly.
 * @example formatAmount(money(120000n, "USD"), "zh-CN") // "US$1,200.00"
 */
export function formatAmount(value: Money, locale: string): string {
  return formatterFor(locale, value.currency).format(formatMoney(value));
}
