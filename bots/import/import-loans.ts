// Imports loans (and their borrowers): validate every row first, then upsert by external ref.

import type {
  Borrower,
  BorrowerInput,
  BorrowerUpsert,
  Store,
  UpsertChange,
} from "../../core/ports/index.ts";
import { canonicalLoanInput, sameLoan } from "../../core/store/index.ts";
import { type BorrowerChange, borrowerChanges, mismatchReason } from "./borrower-moves.ts";
import { applyContact, noContact, recordPhoneChange } from "./contact-record.ts";
import type { RowError } from "./field-error.ts";
import type { ImportReport } from "./import-report.ts";
import { type LoanRow, parseLoanRecord } from "./loan-record.ts";
import { fileFieldName, type SourceRecord } from "./read-records.ts";

/** Rows per batch upsert: progress is reported after each. */
const IMPORT_CHUNK = 500;

/** A valid row, where it came from. */
export interface LoanLine {
  readonly line: number;
  readonly row: LoanRow;
  readonly record: SourceRecord;
}

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
  const { rows: valid, invalid } = validateLoanRows(records);
  const { rows, moves } = await checkBorrowerChanges(store, valid, invalid);
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
    // One transaction: a crash or a failed row part way leaves nothing; a re-run does it all.
    await store.atomic(async (tx) => {
      const borrowerIds = new Map<string, string>();
      const movedRefs = new Set(moves.map((move) => move.loanRef));
      const movedIds = new Map<string, string>();
      let done = 0;
      for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
        const chunk = rows.slice(start, start + IMPORT_CHUNK).map(({ row }) => row);
        const contactAt = (options.now ?? (() => new Date().toISOString()))();
        const source = options.actor ?? "import";
        for (const upserted of await upsertBorrowers(tx, chunk, borrowerIds)) {
          await recordPhoneChange(tx, upserted, source, contactAt);
        }
        const loans = chunk.map((row) => ({
          ...row.loan,
          borrowerId: borrowerIds.get(row.borrower.externalRef) as string,
        }));
        for (const { loan, change } of await tx.loans.upsertMany(loans)) {
          counts[change] += 1;
          if (movedRefs.has(loan.externalRef)) movedIds.set(loan.externalRef, loan.id);
        }
        for (const row of chunk) {
          if (noContact(row.contact)) continue;
          const id = borrowerIds.get(row.borrower.externalRef) as string;
          await applyContact(tx, id, row.borrower.phone, row.contact, source, contactAt);
        }
        done += chunk.length;
        options.onProgress?.(done, rows.length);
      }
      const at = (options.now ?? (() => new Date().toISOString()))();
      for (const move of moves) {
        await tx.audit.append({
          actor: options.actor ?? "import",
          action: "loan.moved",
          subject: `loan:${movedIds.get(move.loanRef)}`,
          payload: { ref: move.loanRef, fromBorrowerRef: move.fromRef, toBorrowerRef: move.toRef },
          at,
        });
      }
      if (counts.created > 0 || counts.updated > 0) {
        await tx.audit.append({
          actor: options.actor ?? "import",
          action: "loans.imported",
          subject: "book",
          payload: { ...counts, rows: records.length, skipped: badLines.size },
          at,
        });
      }
    });
  }
  return { ...base, skipped: badLines.size, applied: true, counts: { ...counts } };
}

/** Parses every row and checks rows against each other (one loan ref, one borrower per ref). */
export function validateLoanRows(records: readonly SourceRecord[]): {
  rows: LoanLine[];
  invalid: RowError[];
} {
  const rows: LoanLine[] = [];
  const invalid: RowError[] = [];
  const loanLines = new Map<string, { line: number; key: string }>();
  const borrowerLines = new Map<string, { line: number; key: string }>();
  for (const record of records) {
    const result = parseLoanRecord(record.fields);
    if (!result.ok) {
      for (const error of result.errors)
        invalid.push({ line: record.line, ...error, field: fileFieldName(record, error.field) });
      continue;
    }
    const { borrower, loan } = result.value;
    const borrowerKey = stable({ borrower, contact: result.value.contact });
    const seenBorrower = borrowerLines.get(borrower.externalRef);
    if (seenBorrower && seenBorrower.key !== borrowerKey) {
      invalid.push({
        line: record.line,
        field: fileFieldName(record, "borrowerRef"),
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
          field: fileFieldName(record, "loanRef"),
          reason: `loan ${loan.externalRef} already appears with different terms on line ${seenLoan.line}`,
        });
      }
      continue;
    }
    borrowerLines.set(borrower.externalRef, { line: record.line, key: borrowerKey });
    loanLines.set(loan.externalRef, { line: record.line, key: loanKey });
    rows.push({ line: record.line, row: result.value, record });
  }
  return { rows, invalid };
}

/**
 * Rows naming another borrower than their loan has are invalid unless they say to move it;
 * the moves asked for are returned to be audited. Two reads per batch.
 */
async function checkBorrowerChanges(
  store: Store,
  rows: LoanLine[],
  invalid: RowError[],
): Promise<{ rows: LoanLine[]; moves: BorrowerChange[] }> {
  const kept: LoanLine[] = [];
  const moves: BorrowerChange[] = [];
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
    const chunk = rows.slice(start, start + IMPORT_CHUNK);
    const changes = await borrowerChanges(
      store,
      chunk.map(({ row }) => ({
        loanRef: row.loan.externalRef,
        borrowerRef: row.borrower.externalRef,
      })),
    );
    for (const entry of chunk) {
      const change = changes.get(entry.row.loan.externalRef);
      if (change && !entry.row.moveToBorrower) {
        invalid.push({
          line: entry.line,
          field: fileFieldName(entry.record, "borrowerRef"),
          reason: mismatchReason(change, `${fileFieldName(entry.record, "moveToBorrower")} to yes`),
        });
        continue;
      }
      if (change) moves.push(change);
      kept.push(entry);
    }
  }
  return { rows: kept, moves };
}

/** Upserts the borrowers of `chunk` not upserted yet (each ref once), noting their ids. */
async function upsertBorrowers(
  store: Store,
  chunk: readonly LoanRow[],
  ids: Map<string, string>,
): Promise<BorrowerUpsert[]> {
  const fresh = new Map<string, BorrowerInput>();
  for (const { borrower } of chunk) {
    if (!ids.has(borrower.externalRef)) fresh.set(borrower.externalRef, borrower);
  }
  if (fresh.size === 0) return [];
  const upserted = await store.borrowers.upsertMany([...fresh.values()]);
  for (const { borrower } of upserted) ids.set(borrower.externalRef, borrower.id);
  return upserted;
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
