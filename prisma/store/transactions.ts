// TransactionStore on Prisma: the idempotency key's unique index decides which post wins.

import type { StoredTransaction, TransactionStore } from "../../core/ports/index.ts";
import { canonicalTransaction, distinctIds, groupById, notFound } from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { chunks } from "./bulk-insert.ts";
import { isForeignKeyViolation, isUniqueViolation } from "./prisma-errors.ts";
import { recordChecked } from "./transaction-checked.ts";
import { recordMany } from "./transaction-record-many.ts";
import { RECORD_ORDER, transactionColumns, transactionFromRow } from "./transaction-rows.ts";

export function prismaTransactions(prisma: PrismaClient): TransactionStore {
  async function byKey(idempotencyKey: string) {
    const row = await prisma.transaction.findUnique({ where: { idempotencyKey } });
    return row ? transactionFromRow(row) : undefined;
  }

  async function byKeys(idempotencyKeys: readonly string[]) {
    const found = new Map<string, StoredTransaction>();
    for (const keys of chunks(distinctIds(idempotencyKeys))) {
      const rows = await prisma.transaction.findMany({ where: { idempotencyKey: { in: keys } } });
      for (const row of rows) found.set(row.idempotencyKey, transactionFromRow(row));
    }
    return found;
  }

  return {
    async record(loanId, idempotencyKey, transaction) {
      const seen = await byKey(idempotencyKey);
      if (seen) return { record: seen, duplicate: true };
      const columns = await transactionColumns(canonicalTransaction(transaction), async () => {
        const loan = await prisma.loan.findUnique({
          where: { id: loanId },
          select: { currency: true },
        });
        if (!loan) throw notFound("loan", loanId);
        return loan.currency;
      });
      try {
        const row = await prisma.transaction.create({
          data: { ...columns, loanId, idempotencyKey },
        });
        return { record: transactionFromRow(row), duplicate: false };
      } catch (error) {
        // A concurrent post of the same key committed first: its row is the record.
        const first = isUniqueViolation(error) ? await byKey(idempotencyKey) : undefined;
        if (first) return { record: first, duplicate: true };
        throw isForeignKeyViolation(error) ? notFound("loan", loanId) : error;
      }
    },

    recordChecked: (loanId, idempotencyKey, check) =>
      recordChecked(prisma, loanId, idempotencyKey, check),

    recordMany: (entries) => recordMany(prisma, entries, byKeys),

    byKey,

    byKeys,

    async forLoan(loanId) {
      const rows = await prisma.transaction.findMany({ where: { loanId }, orderBy: RECORD_ORDER });
      return rows.map(transactionFromRow);
    },

    async forLoans(loanIds) {
      if (loanIds.length === 0) return new Map();
      const rows = await prisma.transaction.findMany({
        where: { loanId: { in: distinctIds(loanIds) } },
        orderBy: RECORD_ORDER,
      });
      return groupById(loanIds, rows.map(transactionFromRow), (record) => record.loanId);
    },
  };
}
