// What an import did (or, in a dry run, would do), and how to say it to an operator.
import { formatRowError, type RowError } from "./field-error.ts";

export interface ImportReport {
  readonly kind: "loans" | "payments";
  readonly rows: number;
  readonly invalid: readonly RowError[];
  /** Rows with errors that were left out (only with skipInvalid). */
  readonly skipped: number;
  readonly dryRun: boolean;
  /** False when invalid rows stopped the import before anything was written. */
  readonly applied: boolean;
  readonly counts: Readonly<Record<string, number>>;
}

export function describeReport(report: ImportReport, maxErrors = 50): string {
  const lines: string[] = [];
  const badLines = new Set(report.invalid.map((e) => e.line)).size;
  for (const error of report.invalid.slice(0, maxErrors)) lines.push(formatRowError(error));
  if (report.invalid.length > maxErrors) {
    lines.push(`... and ${report.invalid.length - maxErrors} more problems`);
  }
  if (!report.applied) {
    lines.push(
      `${badLines} of ${report.rows} rows are invalid: nothing was imported. Fix them, or run again with --skip-invalid to import the ${report.rows - badLines} valid rows.`,
    );
    return lines.join("\n");
  }
  const counts = Object.entries(report.counts)
    .map(([name, n]) => `${n} ${name}`)
    .join(", ");
  const skipped = report.skipped ? `; ${report.skipped} invalid rows skipped` : "";
  const prefix = report.dryRun ? "Dry run, nothing written. Would import: " : "Imported: ";
  lines.push(`${prefix}${report.rows} rows: ${counts}${skipped}.`);
  return lines.filter(Boolean).join("\n");
}
