// TransactionStore.recordMany on Prisma: one INSERT ... ON CONFLICT DO NOTHING per chunk, then one read back.

import type { Transaction } from "../../core/ledger/index.ts";
import type { StoredTransaction, TransactionEntry } from "../../core/ports/index.ts";
import { canonicalTransaction, distinctIds, notFound } from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { type BulkColumn, type BulkValue, chunks, insertUnnest } from "./bulk-insert.ts";
import { transactionColumns } from "./transaction-rows.ts";
import { nextUuidV7 } from "./uuid-v7.ts";

const COLUMNS: readonly BulkColumn[] = [
  { name: "id", type: "text" },
  { name: "loan_id", type: "text" },
  { name: "type", type: "transaction_type" },
  { name: "date", type: "date" },
  { name: "amount_minor", type: "bigint" },
  { name: "currency", type: "text" },
  { name: "idempotency_key", type: "text" },
  { name: "payload", type: "jsonb" },
];

type Result = { record: StoredTransaction; duplicate: boolean };

export async function recordMany(
  prisma: PrismaClient,
  entries: readonly TransactionEntry[],
  byKeys: (keys: readonly string[]) => Promise<Map<string, StoredTransaction>>,
): Promise<Result[]> {
  if (entries.length === 0) return [];
  const canonical = entries.map((entry) => canonicalTransaction(entry.transaction));
  const currencies = await loanCurrencies(prisma, entries);
  // Ids from one time-ordered sequence: same-date rows sort in entry order, as `record` does.
  const ids = new Map<string, string>();
  const rows: BulkValue[][] = [];
  for (const [i, entry] of entries.entries()) {
    if (ids.has(entry.idempotencyKey)) continue;
    const id = nextUuidV7();
    ids.set(entry.idempotencyKey, id);
    const transaction = canonical[i] as Transaction;
    const columns = await transactionColumns(transaction, async () =>
      String(currencies.get(entry.loanId)),
    );
    rows.push([
      id,
      entry.loanId,
      columns.type,
      transaction.date,
      columns.amountMinor.toString(),
      columns.currency,
      entry.idempotencyKey,
      "payload" in columns && columns.payload ? JSON.stringify(columns.payload) : null,
    ]);
  }
  for (const chunk of chunks(rows)) {
    await insertUnnest(prisma, "transactions", COLUMNS, chunk, {
      onConflict: `ON CONFLICT ("idempotency_key") DO NOTHING`,
    });
  }
  const stored = new Map<string, StoredTransaction>();
  for (const keys of chunks([...ids.keys()])) {
    for (const [key, record] of await byKeys(keys)) stored.set(key, record);
  }
  const claimed = new Set<string>();
  return entries.map((entry) => {
    const key = entry.idempotencyKey;
    const record = stored.get(key);
    if (!record) throw new Error(`transaction ${key} was neither recorded nor found`);
    // Our row, the first time the key appears: recorded; a row recorded before, or a repeat: duplicate.
    const duplicate = claimed.has(key) || record.id !== ids.get(key);
    claimed.add(key);
    return { record, duplicate };
  });
}

/** Each loan's currency, in one read per chunk; an unknown loan is refused before any write. */
async function loanCurrencies(
  prisma: PrismaClient,
  entries: readonly TransactionEntry[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const loanIds = distinctIds(entries.map((entry) => entry.loanId));
  for (const chunk of chunks(loanIds)) {
    const rows = await prisma.loan.findMany({
      where: { id: { in: chunk } },
      select: { id: true, currency: true },
    });
    for (const row of rows) found.set(row.id, row.currency);
  }
  const missing = loanIds.find((id) => !found.has(id));
  if (missing !== undefined) throw notFound("loan", missing);
  return found;
}
