// BorrowerStore.upsertMany on Prisma: per chunk one lookup, then one transaction of writes.

import type { Borrower, BorrowerStore, BorrowerUpsert } from "../../core/ports/index.ts";
import { assertUniqueRefs, borrowerFrom, sameBorrower } from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { borrowerFromRow, rowData } from "./borrower-rows.ts";
import {
  BULK_TRANSACTION,
  type BulkColumn,
  BulkRaceLost,
  chunks,
  insertUnnest,
} from "./bulk-insert.ts";
import { uuidV7s } from "./uuid-v7.ts";

type Upsert = BorrowerStore["upsert"];
type Result = BorrowerUpsert;

const COLUMNS: readonly BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "external_ref", type: "text" },
  { name: "name", type: "text" },
  { name: "phone", type: "text" },
  { name: "locale", type: "text" },
  { name: "time_zone", type: "text" },
  { name: "deceased", type: "boolean" },
  { name: "bankruptcy", type: "boolean" },
  { name: "hardship", type: "boolean" },
];

function values(borrower: Borrower) {
  const { flags } = borrower;
  return [
    borrower.id,
    borrower.externalRef,
    borrower.name,
    borrower.phone ?? null,
    borrower.locale,
    borrower.timeZone,
    String(flags.deceased),
    String(flags.bankruptcy),
    String(flags.hardship),
  ];
}

/** `upsertMany` deciding created/updated/unchanged exactly as `upsert` does, which it falls back on. */
export function borrowerUpsertMany(
  prisma: PrismaClient,
  upsert: Upsert,
): BorrowerStore["upsertMany"] {
  return async (inputs) => {
    assertUniqueRefs("borrower", inputs);
    const results: Result[] = [];
    for (const chunk of chunks(inputs)) results.push(...(await upsertChunk(prisma, chunk, upsert)));
    return results;
  };
}

async function upsertChunk(
  prisma: PrismaClient,
  inputs: Parameters<Upsert>[0][],
  upsert: Upsert,
): Promise<Result[]> {
  const rows = await prisma.borrower.findMany({
    where: { externalRef: { in: inputs.map((input) => input.externalRef) } },
  });
  const byRef = new Map(rows.map((row) => [row.externalRef, borrowerFromRow(row)]));
  const ids = uuidV7s(inputs.length);
  const planned = inputs.map((input, i): Result => {
    const current = byRef.get(input.externalRef);
    if (!current) return { borrower: borrowerFrom(ids[i] as string, input), change: "created" };
    const next = borrowerFrom(current.id, input, current);
    return sameBorrower(current, next)
      ? { borrower: current, change: "unchanged" }
      : { borrower: next, change: "updated", before: current };
  });
  const created = planned.filter((p) => p.change === "created").map((p) => p.borrower);
  const updated = planned.filter((p) => p.change === "updated").map((p) => p.borrower);
  if (created.length === 0 && updated.length === 0) return planned;
  try {
    await prisma.$transaction(async (tx) => {
      const inserted = await insertUnnest(tx, "borrowers", COLUMNS, created.map(values), {
        extra: { updated_at: "CURRENT_TIMESTAMP" },
        onConflict: `ON CONFLICT ("external_ref") DO NOTHING`,
      });
      if (inserted !== created.length) throw new BulkRaceLost();
      for (const borrower of updated) {
        await tx.borrower.update({ where: { id: borrower.id }, data: rowData(borrower) });
      }
    }, BULK_TRANSACTION);
  } catch (error) {
    if (!(error instanceof BulkRaceLost)) throw error;
    const results: Result[] = [];
    for (const input of inputs) results.push(await upsert(input));
    return results;
  }
  return planned;
}
