// Port: a loan's transactions, each posted exactly once under its idempotency key.
import type { Transaction } from "../ledger/transaction.ts";

export interface StoredTransaction {
  readonly id: string;
  readonly loanId: string;
  readonly idempotencyKey: string;
  readonly transaction: Transaction;
  /** UTC ISO instant it was recorded. */
  readonly recordedAt: string;
}

export interface TransactionStore {
  /**
   * Records `transaction` unless `idempotencyKey` was used before; then returns the first
   * record with `duplicate: true` and writes nothing. Safe under concurrent calls.
   */
  record(
    loanId: string,
    idempotencyKey: string,
    transaction: Transaction,
  ): Promise<{ record: StoredTransaction; duplicate: boolean }>;
  byKey(idempotencyKey: string): Promise<StoredTransaction | undefined>;
  forLoan(loanId: string): Promise<StoredTransaction[]>;
  /**
   * `forLoan` for many loans in one read: an entry for every id asked (empty for a loan with
   * none, or an unknown one), each in `forLoan`'s order.
   */
  forLoans(loanIds: readonly string[]): Promise<Map<string, StoredTransaction[]>>;
}
