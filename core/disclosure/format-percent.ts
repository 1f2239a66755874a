// An annual rate as a borrower reads it: "12.99%" / "12.99%", exact to four decimal places.
import { formatRate, type Rate, rate } from "../money/rate.ts";

// ES2023 Intl (Node 20) formats a decimal string exactly; the ES2022 lib types only know numbers.
interface DecimalFormatter {
  format(value: string): string;
}

/**
 * The rate as a percentage in the borrower's locale, rounded half-up to 4 decimal places of a
 * percent (formatRate's named rounding), trailing zeros dropped.
 * @example formatPercent(parseRate("0.1299"), "en") // "12.99%"
 */
export function formatPercent(value: Rate, locale: string): string {
  const percent = formatRate(rate(value.num * 100n, value.den), 4);
  const formatter = new Intl.NumberFormat(locale, {
    style: "decimal",
    maximumFractionDigits: 4,
  }) as unknown as DecimalFormatter;
  return `${formatter.format(percent)}%`;
}
