// In-memory TransactionStore: each idempotency key records one transaction, ever.
import type { Transaction } from "../ledger/transaction.ts";
import type { StoredTransaction, TransactionStore } from "../ports/transactions.ts";
import { canonicalTransaction } from "../store/canonical-transaction.ts";
import { groupById } from "../store/group-by-id.ts";
import type { MemoryAuditLog } from "./memory-audit.ts";
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

export function memoryTransactions(
  context: MemoryContext,
  audit: MemoryAuditLog,
): TransactionStore {
  const byKey = new Map<string, StoredTransaction>();
  /** Recording order, which breaks ties between transactions on the same date. */
  const recorded: StoredTransaction[] = [];

  function add(loanId: string, idempotencyKey: string, canonical: Transaction): StoredTransaction {
    const record: StoredTransaction = {
      id: context.ids(),
      loanId,
      idempotencyKey,
      transaction: canonical,
      recordedAt: context.clock(),
    };
    byKey.set(idempotencyKey, record);
    recorded.push(record);
    return record;
  }

  return {
    async record(loanId, idempotencyKey, transaction) {
      const first = byKey.get(idempotencyKey);
      if (first) return { record: first, duplicate: true };
      requireLoan(context, loanId);
      return {
        record: add(loanId, idempotencyKey, canonicalTransaction(transaction)),
        duplicate: false,
      };
    },

    // No await from the check to the writes: nothing else runs in between, as in one transaction.
    async recordChecked(loanId, idempotencyKey, check) {
      requireLoan(context, loanId);
      const first = byKey.get(idempotencyKey);
      if (first) return { outcome: "duplicate", record: first };
      const current = byDate(recorded.filter((record) => record.loanId === loanId));
      const decided = check(current.map((record) => record.transaction));
      if ("refused" in decided) return { outcome: "refused", refusal: decided.refused };
      const canonical = canonicalTransaction(decided.write);
      const entry = audit.prepare(decided.audit);
      const record = add(loanId, idempotencyKey, canonical);
      audit.appendPrepared(entry);
      return { outcome: "recorded", record };
    },

    async recordMany(entries) {
      for (const entry of entries) requireLoan(context, entry.loanId);
      const canonical = entries.map((entry) => canonicalTransaction(entry.transaction));
      return entries.map((entry, i) => {
        const first = byKey.get(entry.idempotencyKey);
        if (first) return { record: first, duplicate: true };
        const record = add(entry.loanId, entry.idempotencyKey, canonical[i] as Transaction);
        return { record, duplicate: false };
      });
    },

    async byKey(idempotencyKey) {
      return byKey.get(idempotencyKey);
    },

    async byKeys(idempotencyKeys) {
      const found = new Map<string, StoredTransaction>();
      for (const key of idempotencyKeys) {
        const record = byKey.get(key);
        if (record) found.set(key, record);
      }
      return found;
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
