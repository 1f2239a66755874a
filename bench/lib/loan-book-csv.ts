// A deterministic loan book as CSV text, in the columns a lender's import file uses.

import { formatMoney } from "../../core/money/decimal.ts";
import { formatRateExact } from "../../core/store/format-rate-exact.ts";
import type { Random } from "../prng.ts";
import { randomLoanSpec } from "../random-loans.ts";

const COLUMNS = [
  "Borrower Ref",
  "Borrower Name",
  "Phone",
  "Locale",
  "Time Zone",
  "Loan Ref",
  "Principal",
  "Currency",
  "Annual Rate",
  "Term Count",
  "Frequency",
  "Disbursed On",
  "First Due Date",
  "Method",
  "Interest",
  "Day Count",
  "Grace On Principal",
  "Late Fee Flat",
  "Late Fee Percent",
  "Late Fee Grace Days",
  "Late Fee Cap",
  "Rate Cap",
] as const;

const GIVEN = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace", "Hiro", "Ines", "Jon"];
const FAMILY = ["Silva", "Okafor", "Novak", "Haddad", "Kim", "Moreau", "Patel", "Reyes"];
const ZH_NAMES = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊"];
const ZONES = ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Africa/Lagos"];

export interface LoanBookOptions {
  readonly loans: number;
  /** Loans per borrower is about 1 / this: 0.8 means four borrowers for every five loans. */
  readonly borrowersPerLoan?: number;
  /** Prefix of every loan and borrower ref, so two books never collide. */
  readonly refPrefix?: string;
}

/**
 * `loans` rows of CSV text with a header, terms from bench/random-loans.ts (every method,
 * frequency and day count; 3-60 installments), borrowers sometimes holding two loans.
 *
 * @example
 * const text = loanBookCsv(seededRandom(7), { loans: 1000 });
 * const records = parseRecords("book.csv", text);
 */
export function loanBookCsv(random: Random, options: LoanBookOptions): string {
  const prefix = options.refPrefix ?? "";
  const share = options.borrowersPerLoan ?? 0.8;
  const lines: string[] = [COLUMNS.join(",")];
  for (let i = 0; i < options.loans; i++) {
    const borrower = Math.floor(i * share);
    const spec = randomLoanSpec(random);
    const { terms, lateFee } = spec;
    const cells: Record<(typeof COLUMNS)[number], string> = {
      ...borrowerCells(borrower, prefix),
      "Loan Ref": `${prefix}L-${String(i + 1).padStart(7, "0")}`,
      Principal: formatMoney(terms.principal),
      Currency: terms.principal.currency,
      "Annual Rate": formatRateExact(terms.annualRate),
      "Term Count": String(terms.termCount),
      Frequency: terms.frequency,
      "Disbursed On": terms.disbursedOn,
      "First Due Date": terms.firstDueDate ?? "",
      Method: terms.method,
      Interest: terms.interest,
      "Day Count": terms.dayCount,
      "Grace On Principal": terms.graceOnPrincipal ? String(terms.graceOnPrincipal) : "",
      "Late Fee Flat": lateFee?.flat ? formatMoney(lateFee.flat) : "",
      "Late Fee Percent": lateFee?.percent ? formatRateExact(lateFee.percent) : "",
      "Late Fee Grace Days": lateFee ? String(lateFee.graceDays) : "",
      "Late Fee Cap": lateFee?.cap ? formatMoney(lateFee.cap) : "",
      "Rate Cap": spec.rateCapBps
        ? formatRateExact({ num: BigInt(spec.rateCapBps), den: 10_000n })
        : "",
    };
    lines.push(COLUMNS.map((column) => cells[column]).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** A borrower's details depend only on its number, so every loan of theirs agrees on them. */
function borrowerCells(n: number, prefix: string) {
  const chinese = n % 7 === 3;
  return {
    "Borrower Ref": `${prefix}B-${String(n + 1).padStart(7, "0")}`,
    "Borrower Name": chinese
      ? (ZH_NAMES[n % ZH_NAMES.length] as string)
      : `${GIVEN[n % GIVEN.length]} ${FAMILY[Math.floor(n / GIVEN.length) % FAMILY.length]}`,
    Phone: n % 4 === 0 ? "" : `+4477${String(10_000_000 + n).slice(-8)}`,
    Locale: chinese ? "zh-CN" : "en",
    "Time Zone": chinese ? "Asia/Shanghai" : (ZONES[n % ZONES.length] as string),
  };
}
