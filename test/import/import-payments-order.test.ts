// Payments imported in batches keep the file's order: same-day payments on one loan apply as listed.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { importPayments } from "../../bots/import/import-payments.ts";
import { parseRecords, readRecords } from "../../bots/import/read-records.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { type Database, openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";

const LOANS_CSV = join(import.meta.dirname, "..", "fixtures", "import", "loans.csv");
const PAYMENTS = [
  "loan_ref,date,amount,ref",
  "L-001,2026-03-01,3.00,A",
  "L-002,2026-03-01,9.00,B",
  "L-001,2026-03-01,1.00,C",
  "L-001,2026-02-20,7.00,D",
  "L-001,2026-03-01,2.00,E",
].join("\n");

const databases: Database[] = [];
afterAll(async () => {
  for (const db of databases) await db.close();
});

async function pglite(): Promise<Store> {
  const db = await openDatabase({ memory: true });
  databases.push(db);
  return createPrismaStore(db.prisma);
}

describe.each([
  ["memory", async () => createMemoryStore()],
  ["PGlite", pglite],
])("import payments in file order (%s)", (_name, open) => {
  it("lists same-day payments on a loan in the file's order", async () => {
    const store = await open();
    await importLoans(store, await readRecords(LOANS_CSV));
    const report = await importPayments(store, parseRecords("p.csv", PAYMENTS));
    expect(report.counts).toEqual({ recorded: 5, "already recorded": 0 });
    const loan = (await store.loans.byRef("L-001"))!;
    const refs = (await store.transactions.forLoan(loan.id)).map((r) => r.idempotencyKey);
    expect(refs).toEqual(["D", "A", "C", "E"]);
  });
});
