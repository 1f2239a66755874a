// The payments side of bench:import: a day's payments on the imported book, imported then re-imported.
import { performance } from "node:perf_hooks";
import { validateLoanRows } from "../../bots/import/import-loans.ts";
import { importPayments } from "../../bots/import/import-payments.ts";
import type { ImportReport } from "../../bots/import/import-report.ts";
import { parseRecords } from "../../bots/import/read-records.ts";
import type { Store } from "../../core/ports/index.ts";
import { perSecond, progress, round } from "./measure.ts";

/** Payments per loan: two on the same loan and day, so the file's order matters. */
export const PAYMENTS_PER_LOAN = 2;

/** `PAYMENTS_PER_LOAN` payments of 1 unit per loan of `loanText`, on its disbursement day, no refs. */
export function paymentFileFor(loanText: string): string {
  const { rows } = validateLoanRows(parseRecords("book.csv", loanText));
  const lines = ["loan_ref,date,amount"];
  for (let n = 0; n < PAYMENTS_PER_LOAN; n += 1) {
    for (const { row } of rows)
      lines.push(`${row.loan.externalRef},${row.loan.terms.disbursedOn},1`);
  }
  return `${lines.join("\n")}\n`;
}

async function timed(store: Store, text: string, expect: "recorded" | "already recorded") {
  const started = performance.now();
  const records = parseRecords("payments.csv", text);
  const report: ImportReport = await importPayments(store, records);
  const ms = performance.now() - started;
  if (report.invalid.length > 0 || report.counts[expect] !== records.length) {
    throw new Error(
      `payments: expected ${records.length} ${expect}, got ${JSON.stringify(report.counts)} ` +
        `with ${report.invalid.length} invalid rows (first: ${JSON.stringify(report.invalid[0])})`,
    );
  }
  return { rows: records.length, ms };
}

/** Imports the payments file into `store` (the book already imported), then again. */
export async function benchPayments(kind: string, store: Store, loanText: string) {
  const text = paymentFileFor(loanText);
  progress(`${kind}: importing payments`);
  const first = await timed(store, text, "recorded");
  progress(`${kind}: importing the same payments again`);
  const again = await timed(store, text, "already recorded");
  return {
    payments: first.rows,
    paymentImportRowsPerSec: perSecond(first.rows, first.ms),
    paymentReimportRowsPerSec: perSecond(again.rows, again.ms),
    paymentImportSec: round(first.ms / 1000),
    paymentReimportSec: round(again.ms / 1000),
  };
}
