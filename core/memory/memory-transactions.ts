// In-memory TransactionStore: each idempotency key records one transaction, ever.
import type { StoredTransaction, TransactionStore } from "../ports/transactions.ts";
import { canonicalTransaction } from "./canonical-transaction.ts";
import { type MemoryContext, requireLoan } from "./memory-context.ts";

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
      // Array#sort is stable: same-date transactions stay in recording order.
      return recorded
        .filter((record) => record.loanId === loanId)
        .sort((a, b) =>
          a.transaction.date === b.transaction.date
            ? 0
            : a.transaction.date < b.transaction.date
              ? -1
              : 1,
        );
    },
  };
}
