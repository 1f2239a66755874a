// In-memory TransactionStore: each idempotency key records one transaction, ever.
import type { StoredTransaction, TransactionStore } from "../ports/transactions.ts";
import { canonicalTransaction } from "./canonical-transaction.ts";
import { groupById } from "./group-by-id.ts";
import { type MemoryContext, requireLoan } from "./memory-context.ts";

/** By value date; Array#sort is stable, so same-date records stay in recording order. */
function byDate(records: StoredTransaction[]): StoredTransaction[] {
  return records.sort((a, b) =>
    a.transaction.date === b.transaction.date
      ? 0
      : a.transaction.date < b.transaction.date
        ? -1
        : 1,
  );
}

export function memoryTransactions(context: MemoryContext): TransactionStore {
  const byKey = new Map<string, StoredTransaction>();
  /** Recording order, which breaks ties between transactions on the same date. */
  const recorded: StoredTransaction[] = [];

  return {
    async record(loanId, idempotencyKey, transaction) {
      const first = byKey.get(idempotencyKey);
      if (first) return { record: first, duplicate: true };
      requireLoan(context, loanId);
      const record: StoredTransaction = {
        id: context.ids(),
        loanId,
        idempotencyKey,
        transaction: canonicalTransaction(transaction),
        recordedAt: context.clock(),
      };
      byKey.set(idempotencyKey, record);
      recorded.push(record);
      return { record, duplicate: false };
    },

    async byKey(idempotencyKey) {
      return byKey.get(idempotencyKey);
    },

    async forLoan(loanId) {
      return byDate(recorded.filter((record) => record.loanId === loanId));
    },

    async forLoans(loanIds) {
      const wanted = new Set(loanIds);
      const records = byDate(recorded.filter((record) => wanted.has(record.loanId)));
      return groupById(loanIds, records, (record) => record.loanId);
    },
  };
}
