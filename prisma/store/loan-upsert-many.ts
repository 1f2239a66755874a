// LoanStore.upsertMany on Prisma: per chunk one lookup, then one transaction of bulk writes.

import type { LoanInput, LoanRef, LoanStore, UpsertChange } from "../../core/ports/index.ts";
import { generateSchedule, type Installment } from "../../core/schedule/index.ts";
import {
  assertUniqueRefs,
  canonicalLoanInput,
  notFound,
  sameLoan,
  sameTerms,
} from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import {
  BULK_TRANSACTION,
  type BulkColumn,
  BulkRaceLost,
  chunks,
  insertUnnest,
} from "./bulk-insert.ts";
import { CONTRACT_VERSION, loanColumns, loanFromRow } from "./loan-rows.ts";
import { uuidV7s } from "./uuid-v7.ts";

type Upsert = LoanStore["upsert"];
type Result = { loan: LoanRef; change: UpsertChange };

interface Planned extends Result {
  readonly next: LoanInput;
  /** The new contractual schedule, when this upsert writes one. */
  readonly schedule?: readonly Installment[];
}

const LOAN_COLUMNS: readonly BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "external_ref", type: "text" },
  { name: "borrower_id", type: "text" },
  { name: "currency", type: "text" },
  { name: "principal_minor", type: "bigint" },
  { name: "annual_rate", type: "text" },
  { name: "term_count", type: "int" },
  { name: "frequency", type: "text" },
  { name: "method", type: "text" },
  { name: "interest_method", type: "text" },
  { name: "day_count", type: "text" },
  { name: "disbursed_on", type: "date" },
  { name: "first_due_date", type: "date" },
  { name: "grace_on_principal", type: "int" },
  { name: "late_fee_flat_minor", type: "bigint" },
  { name: "late_fee_percent", type: "text" },
  { name: "late_fee_grace_days", type: "int" },
  { name: "late_fee_cap_minor", type: "bigint" },
  { name: "rate_cap", type: "text" },
  { name: "status", type: "loan_status" },
];

const INSTALLMENT_COLUMNS: readonly BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "loan_id", type: "text" },
  { name: "version", type: "int" },
  { name: "n", type: "int" },
  { name: "due_date", type: "date" },
  { name: "principal_minor", type: "bigint" },
  { name: "interest_minor", type: "bigint" },
  { name: "fees_minor", type: "bigint" },
  { name: "penalties_minor", type: "bigint" },
];

const text = (value: { toString(): string } | null) => (value === null ? null : value.toString());
const day = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));

function loanValues({ loan, next }: Planned) {
  const c = loanColumns(next);
  return [
    loan.id,
    c.externalRef,
    c.borrowerId,
    c.currency,
    text(c.principalMinor),
    c.annualRate,
    text(c.termCount),
    c.frequency,
    c.method,
    c.interestMethod,
    c.dayCount,
    day(c.disbursedOn),
    day(c.firstDueDate),
    text(c.graceOnPrincipal),
    text(c.lateFeeFlatMinor),
    c.lateFeePercent,
    text(c.lateFeeGraceDays),
    text(c.lateFeeCapMinor),
    c.rateCap,
    next.status ?? "active",
  ];
}

function installmentValues(written: readonly Planned[]) {
  const count = written.reduce((sum, p) => sum + (p.schedule?.length ?? 0), 0);
  const ids = uuidV7s(count);
  const rows: (string | null)[][] = [];
  for (const { loan, schedule } of written) {
    for (const i of schedule ?? []) {
      rows.push([
        ids[rows.length] as string,
        loan.id,
        String(CONTRACT_VERSION),
        String(i.n),
        i.dueDate,
        i.principal.minor.toString(),
        i.interest.minor.toString(),
        i.fees.minor.toString(),
        i.penalties.minor.toString(),
      ]);
    }
  }
  return rows;
}

/** `upsertMany` deciding created/updated/unchanged exactly as `upsert` does, which it falls back on. */
export function loanUpsertMany(prisma: PrismaClient, upsert: Upsert): LoanStore["upsertMany"] {
  return async (inputs) => {
    assertUniqueRefs("loan", inputs);
    const results: Result[] = [];
    for (const chunk of chunks(inputs)) results.push(...(await upsertChunk(prisma, chunk, upsert)));
    return results;
  };
}

async function plan(prisma: PrismaClient, inputs: readonly LoanInput[]): Promise<Planned[]> {
  const nexts = inputs.map(canonicalLoanInput);
  // No installments: deciding needs only the terms, and results carry no schedule.
  const rows = await prisma.loan.findMany({
    where: { externalRef: { in: nexts.map((next) => next.externalRef) } },
  });
  const byRef = new Map(
    rows.map((row) => [row.externalRef, loanFromRow({ ...row, installments: [] })]),
  );
  const ids = uuidV7s(nexts.length);
  return nexts.map((next, i): Planned => {
    const current = byRef.get(next.externalRef);
    const ref = { id: current?.id ?? (ids[i] as string), externalRef: next.externalRef };
    if (!current) {
      return { loan: ref, change: "created", next, schedule: generateSchedule(next.terms) };
    }
    if (sameLoan(current, next)) return { loan: ref, change: "unchanged", next };
    return {
      loan: ref,
      change: "updated",
      next,
      ...(sameTerms(current.terms, next.terms) ? {} : { schedule: generateSchedule(next.terms) }),
    };
  });
}

/** Throws NOT_FOUND for the first written loan whose borrower does not exist, as `upsert` would. */
async function requireBorrowers(prisma: PrismaClient, written: readonly Planned[]) {
  const wanted = [...new Set(written.map((p) => p.next.borrowerId))];
  const found = await prisma.borrower.findMany({
    where: { id: { in: wanted } },
    select: { id: true },
  });
  const known = new Set(found.map((row) => row.id));
  const missing = written.find((p) => !known.has(p.next.borrowerId));
  if (missing) throw notFound("borrower", missing.next.borrowerId);
}

async function upsertChunk(
  prisma: PrismaClient,
  inputs: readonly LoanInput[],
  upsert: Upsert,
): Promise<Result[]> {
  const planned = await plan(prisma, inputs);
  const results = planned.map(({ loan, change }) => ({ loan, change }));
  const written = planned.filter((p) => p.change !== "unchanged");
  if (written.length === 0) return results;
  await requireBorrowers(prisma, written);
  const created = written.filter((p) => p.change === "created");
  const updated = written.filter((p) => p.change === "updated");
  const rescheduled = updated.filter((p) => p.schedule).map((p) => p.loan.id);
  try {
    await prisma.$transaction(async (tx) => {
      const inserted = await insertUnnest(tx, "loans", LOAN_COLUMNS, created.map(loanValues), {
        extra: { updated_at: "CURRENT_TIMESTAMP" },
        onConflict: `ON CONFLICT ("external_ref") DO NOTHING`,
      });
      if (inserted !== created.length) throw new BulkRaceLost();
      for (const { loan, next } of updated) {
        await tx.loan.update({
          where: { id: loan.id },
          data: { ...loanColumns(next), ...(next.status ? { status: next.status } : {}) },
        });
      }
      // As `upsert` does on new terms: every installment row goes, the new schedule comes in.
      if (rescheduled.length > 0) {
        await tx.installment.deleteMany({ where: { loanId: { in: rescheduled } } });
      }
      await insertUnnest(tx, "installments", INSTALLMENT_COLUMNS, installmentValues(written));
    }, BULK_TRANSACTION);
  } catch (error) {
    if (!(error instanceof BulkRaceLost)) throw error;
    const fallback: Result[] = [];
    for (const input of inputs) {
      const { loan, change } = await upsert(input);
      fallback.push({ loan: { id: loan.id, externalRef: loan.externalRef }, change });
    }
    return fallback;
  }
  return results;
}
