// Imports loans (and their borrowers): validate every row first, then upsert by external ref.
import { canonicalLoanInput, sameLoan } from "../../core/memory/canonical-loan.ts";
import type { Borrower, BorrowerInput, Store, UpsertChange } from "../../core/ports/index.ts";
import type { RowError } from "./field-error.ts";
import type { ImportReport } from "./import-report.ts";
import { type LoanRow, parseLoanRecord } from "./loan-record.ts";
import type { SourceRecord } from "./read-records.ts";

/** Rows per batch upsert: progress is reported after each. */
const IMPORT_CHUNK = 500;

export interface ImportOptions {
  readonly dryRun?: boolean;
  readonly skipInvalid?: boolean;
  /** Called as rows are applied, after each batch: (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly actor?: string;
  readonly now?: () => string;
}

export async function importLoans(
  store: Store,
  records: readonly SourceRecord[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { rows, invalid } = validateLoanRows(records);
  const badLines = new Set(invalid.map((e) => e.line));
  const base = { kind: "loans" as const, rows: records.length, invalid, dryRun: !!options.dryRun };
  if (badLines.size > 0 && !options.skipInvalid)
    return { ...base, skipped: 0, applied: false, counts: {} };

  const counts: Record<UpsertChange, number> = { created: 0, updated: 0, unchanged: 0 };
  if (options.dryRun) {
    const borrowers = new Map<string, Borrower | undefined>();
    for (const [i, { row }] of rows.entries()) {
      const borrower = await knownBorrower(store, row.borrower, borrowers);
      counts[await wouldChange(store, row, borrower)] += 1;
      options.onProgress?.(i + 1, rows.length);
    }
  } else {
    const borrowerIds = new Map<string, string>();
    let done = 0;
    for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
      const chunk = rows.slice(start, start + IMPORT_CHUNK).map(({ row }) => row);
      await upsertBorrowers(store, chunk, borrowerIds);
      const loans = chunk.map((row) => ({
        ...row.loan,
        borrowerId: borrowerIds.get(row.borrower.externalRef) as string,
      }));
      for (const { change } of await store.loans.upsertMany(loans)) counts[change] += 1;
      done += chunk.length;
      options.onProgress?.(done, rows.length);
    }
  }
  if (!options.dryRun && (counts.created > 0 || counts.updated > 0)) {
    await store.audit.append({
      actor: options.actor ?? "import",
      action: "loans.imported",
      subject: "book",
      payload: { ...counts, rows: records.length, skipped: badLines.size },
      at: (options.now ?? (() => new Date().toISOString()))(),
    });
  }
  return { ...base, skipped: badLines.size, applied: true, counts: { ...counts } };
}

/** Parses every row and checks rows against each other (one loan ref, one borrower per ref). */
export function validateLoanRows(records: readonly SourceRecord[]): {
  rows: Array<{ line: number; row: LoanRow }>;
  invalid: RowError[];
} {
  const rows: Array<{ line: number; row: LoanRow }> = [];
  const invalid: RowError[] = [];
  const loanLines = new Map<string, { line: number; key: string }>();
  const borrowerLines = new Map<string, { line: number; key: string }>();
  for (const record of records) {
    const result = parseLoanRecord(record.fields);
    if (!result.ok) {
      for (const error of result.errors) invalid.push({ line: record.line, ...error });
      continue;
    }
    const { borrower, loan } = result.value;
    const borrowerKey = stable(borrower);
    const seenBorrower = borrowerLines.get(borrower.externalRef);
    if (seenBorrower && seenBorrower.key !== borrowerKey) {
      invalid.push({
        line: record.line,
        field: "borrowerRef",
        reason: `borrower ${borrower.externalRef} has different details on line ${seenBorrower.line}`,
      });
      continue;
    }
    const loanKey = stable(result.value);
    const seenLoan = loanLines.get(loan.externalRef);
    if (seenLoan) {
      if (seenLoan.key !== loanKey) {
        invalid.push({
          line: record.line,
          field: "loanRef",
          reason: `loan ${loan.externalRef} already appears with different terms on line ${seenLoan.line}`,
        });
      }
      continue;
    }
    borrowerLines.set(borrower.externalRef, { line: record.line, key: borrowerKey });
    loanLines.set(loan.externalRef, { line: record.line, key: loanKey });
    rows.push({ line: record.line, row: result.value });
  }
  return { rows, invalid };
}

/** Upserts the borrowers of `chunk` not upserted yet (each ref once), noting their ids. */
async function upsertBorrowers(
  store: Store,
  chunk: readonly LoanRow[],
  ids: Map<string, string>,
): Promise<void> {
  const fresh = new Map<string, BorrowerInput>();
  for (const { borrower } of chunk) {
    if (!ids.has(borrower.externalRef)) fresh.set(borrower.externalRef, borrower);
  }
  if (fresh.size === 0) return;
  for (const { borrower } of await store.borrowers.upsertMany([...fresh.values()])) {
    ids.set(borrower.externalRef, borrower.id);
  }
}

async function knownBorrower(
  store: Store,
  input: BorrowerInput,
  cache: Map<string, Borrower | undefined>,
): Promise<Borrower | undefined> {
  if (!cache.has(input.externalRef)) {
    cache.set(input.externalRef, await store.borrowers.byRef(input.externalRef));
  }
  return cache.get(input.externalRef);
}

async function wouldChange(
  store: Store,
  row: LoanRow,
  borrower: Borrower | undefined,
): Promise<UpsertChange> {
  const existing = await store.loans.byRef(row.loan.externalRef);
  if (!existing) return "created";
  if (!borrower) return "updated";
  return sameLoan(existing, canonicalLoanInput({ ...row.loan, borrowerId: borrower.id }))
    ? "unchanged"
    : "updated";
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
