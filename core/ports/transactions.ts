// Port: a loan's transactions, each posted exactly once under its idempotency key.
import type { Transaction } from "../ledger/transaction.ts";
import type { AuditEntry } from "./audit.ts";

export interface StoredTransaction {
  readonly id: string;
  readonly loanId: string;
  readonly idempotencyKey: string;
  readonly transaction: Transaction;
  /** UTC ISO instant it was recorded. */
  readonly recordedAt: string;
}

/** What `recordChecked`'s check decides: write this transaction and its audit entry, or nothing. */
export type CheckedWrite<R> =
  | { readonly write: Transaction; readonly audit: AuditEntry; readonly result: R }
  | { readonly refused: R };

export type CheckedRecord<R> =
  | { readonly outcome: "recorded"; readonly record: StoredTransaction; readonly result: R }
  | { readonly outcome: "refused"; readonly result: R }
  | { readonly outcome: "duplicate"; readonly record: StoredTransaction };

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
  /**
   * One atomic write whose rule depends on what the loan owes (a waiver): `check` sees the
   * loan's transactions as they stand while other writes to the loan wait, and its answer
   * (the transaction and its audit entry, or a refusal) is written, or not, in the same
   * transaction. A key used before returns that record as `duplicate` without calling `check`.
   */
  recordChecked<R>(
    loanId: string,
    idempotencyKey: string,
    check: (transactions: readonly Transaction[]) => CheckedWrite<R>,
  ): Promise<CheckedRecord<R>>;
  byKey(idempotencyKey: string): Promise<StoredTransaction | undefined>;
  forLoan(loanId: string): Promise<StoredTransaction[]>;
  /**
   * `forLoan` for many loans in one read: an entry for every id asked (empty for a loan with
   * none, or an unknown one), each in `forLoan`'s order.
   */
  forLoans(loanIds: readonly string[]): Promise<Map<string, StoredTransaction[]>>;
}
