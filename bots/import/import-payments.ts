// Imports payments: every row checked against its loan first, then recorded once per idempotency key.

import { latestDateAnywhere } from "../../core/dates/index.ts";
import { isDomainError } from "../../core/errors/index.ts";
import type { Transaction } from "../../core/ledger/index.ts";
import { formatMoney, type Money, parseMoney } from "../../core/money/index.ts";
import type { Store, StoredLoan } from "../../core/ports/index.ts";
import type { RowError } from "./field-error.ts";
import type { ImportOptions } from "./import-loans.ts";
import type { ImportReport } from "./import-report.ts";
import { type PaymentRecord, parsePaymentRecord } from "./payment-record.ts";
import { fileFieldName, type SourceRecord } from "./read-records.ts";
import { TOO_LARGE, tooLarge } from "./stored-bounds.ts";

/** Why a payment dated after `latest` (the latest date anywhere now) is refused. */
export function futureDate(latest: string): string {
  return `is in the future: no time zone has reached it yet (the latest date anywhere is ${latest})`;
}

/** Payments per `recordMany` call: a few statements each, and a progress step after each. */
const RECORD_CHUNK = 1000;

export interface ResolvedPayment {
  readonly line: number;
  readonly loan: StoredLoan;
  readonly key: string;
  readonly payment: Transaction;
}

export async function importPayments(
  store: Store,
  records: readonly SourceRecord[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const now = options.now ?? (() => new Date().toISOString());
  const { payments, invalid } = await resolvePayments(store, records, new Date(now()));
  const badLines = new Set(invalid.map((e) => e.line));
  const base = {
    kind: "payments" as const,
    rows: records.length,
    invalid,
    dryRun: !!options.dryRun,
  };
  if (badLines.size > 0 && !options.skipInvalid)
    return { ...base, skipped: 0, applied: false, counts: {} };
  const counts = { recorded: 0, "already recorded": 0 };
  if (options.dryRun) {
    const existing = await store.transactions.byKeys(payments.map((p) => p.key));
    for (const [i, p] of payments.entries()) {
      counts[existing.has(p.key) ? "already recorded" : "recorded"] += 1;
      options.onProgress?.(i + 1, payments.length);
    }
    return { ...base, skipped: badLines.size, applied: true, counts };
  }
  // One transaction: a crash or a failed row part way leaves nothing; a re-run does it all.
  await store.atomic(async (tx) => {
    // In chunks, progress after each; recordMany keeps file order for same-date payments.
    for (let start = 0; start < payments.length; start += RECORD_CHUNK) {
      const chunk = payments.slice(start, start + RECORD_CHUNK);
      const results = await tx.transactions.recordMany(
        chunk.map((p) => ({ loanId: p.loan.id, idempotencyKey: p.key, transaction: p.payment })),
      );
      for (const { duplicate } of results) counts[duplicate ? "already recorded" : "recorded"] += 1;
      options.onProgress?.(start + chunk.length, payments.length);
    }
    if (counts.recorded > 0) {
      await tx.audit.append({
        actor: options.actor ?? "import",
        action: "payments.imported",
        subject: "book",
        payload: { ...counts, rows: records.length, skipped: badLines.size },
        at: now(),
      });
    }
  });
  return { ...base, skipped: badLines.size, applied: true, counts };
}

/**
 * Validates rows and resolves each to its loan, amount in the loan's currency and idempotency
 * key. Loans and earlier records are read for the whole file at once, not row by row.
 */
export async function resolvePayments(
  store: Store,
  records: readonly SourceRecord[],
  now: Date,
): Promise<{ payments: ResolvedPayment[]; invalid: RowError[] }> {
  const parsed = records.map((record) => ({ record, parsed: parsePaymentRecord(record.fields) }));
  const refs = new Set<string>();
  for (const { parsed: p } of parsed) if (p.ok) refs.add(p.value.loanRef);
  const loans = await store.loans.byRefs([...refs]);
  const checkRow = rowChecker(now);
  const checked = parsed.map(({ record, parsed: p }) => checkRow(record, p, loans));
  const existing = await store.transactions.byKeys(
    checked.flatMap((c) => ("payment" in c ? [c.payment.key] : [])),
  );
  const payments: ResolvedPayment[] = [];
  const invalid: RowError[] = [];
  for (const c of checked) {
    if ("errors" in c) {
      invalid.push(...c.errors);
      continue;
    }
    const { line, loan, key, payment } = c.payment;
    const stored = existing.get(key);
    if (stored && !samePayment(stored.loanId, stored.transaction, loan.id, payment)) {
      const field = fileFieldName(c.record, "ref");
      invalid.push({
        line,
        field,
        reason: `payment ref ${key} was already recorded for a different payment`,
      });
      continue;
    }
    payments.push(c.payment);
  }
  return { payments, invalid };
}

type CheckedRow =
  | { readonly errors: RowError[] }
  | { readonly record: SourceRecord; readonly payment: ResolvedPayment };

/** Checks one row against its loan and the rows before it in the file (keys, occurrences). */
function rowChecker(now: Date) {
  const latest = latestDateAnywhere(now);
  const occurrences = new Map<string, number>();
  const keysInFile = new Map<string, number>();
  return (
    record: SourceRecord,
    parsed: ReturnType<typeof parsePaymentRecord>,
    loans: ReadonlyMap<string, StoredLoan>,
  ): CheckedRow => {
    const errors: RowError[] = [];
    if (!parsed.ok) {
      for (const error of parsed.errors)
        errors.push({ line: record.line, ...error, field: fileFieldName(record, error.field) });
      return { errors };
    }
    const row = parsed.value;
    const loan = loans.get(row.loanRef);
    const problem = (field: string, reason: string) =>
      errors.push({ line: record.line, field: fileFieldName(record, field), reason });
    if (!loan) {
      problem("loanRef", `no loan with ref ${row.loanRef}`);
      return { errors };
    }
    const currency = loan.terms.principal.currency;
    if (row.currency && row.currency !== currency) {
      problem("currency", `the loan is in ${currency}, not ${row.currency}`);
      return { errors };
    }
    const amount = toAmount(row, currency, problem);
    if (!amount) return { errors };
    if (row.date < loan.terms.disbursedOn) {
      problem("date", `is before the loan was disbursed (${loan.terms.disbursedOn})`);
      return { errors };
    }
    if (row.date > latest) {
      problem("date", futureDate(latest));
      return { errors };
    }
    const key = row.ref ?? derivedKey(row.loanRef, row.date, amount, occurrences);
    const earlier = keysInFile.get(key);
    if (earlier !== undefined) {
      problem("ref", `payment ref ${key} is used again (first on line ${earlier})`);
      return { errors };
    }
    keysInFile.set(key, record.line);
    const payment: Transaction = { type: "payment", date: row.date, amount };
    return { record, payment: { line: record.line, loan, key, payment } };
  };
}

function toAmount(
  row: PaymentRecord,
  currency: string,
  problem: (field: string, reason: string) => void,
): Money | undefined {
  try {
    const amount = parseMoney(row.amount, currency);
    if (tooLarge(amount.minor)) problem("amount", TOO_LARGE);
    else if (amount.minor > 0n) return amount;
    else problem("amount", "must be greater than zero");
  } catch (error) {
    problem("amount", isDomainError(error) ? error.message : String(error));
  }
  return undefined;
}

/**
 * Without a payment ref, the key is the loan, date and amount, numbered by occurrence in the
 * file: the same file imported twice gives the same keys, and two equal payments on one day
 * in one file stay two payments.
 */
function derivedKey(
  loanRef: string,
  date: string,
  amount: Money,
  occurrences: Map<string, number>,
): string {
  const base = `import:${loanRef}:${date}:${formatMoney(amount)}`;
  const n = (occurrences.get(base) ?? 0) + 1;
  occurrences.set(base, n);
  return `${base}:${n}`;
}

function samePayment(loanId: string, a: Transaction, otherLoanId: string, b: Transaction): boolean {
  return (
    loanId === otherLoanId &&
    a.type === b.type &&
    a.date === b.date &&
    "amount" in a &&
    "amount" in b &&
    a.amount.minor === b.amount.minor &&
    a.amount.currency === b.amount.currency
  );
}
