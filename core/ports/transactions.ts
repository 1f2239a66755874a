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

/** What `recordChecked`'s check decides: write this transaction and its audit entry, or refuse why. */
export type CheckedWrite<R> =
  | { readonly write: Transaction; readonly audit: AuditEntry }
  | { readonly refused: R };

export type CheckedRecord<R> =
  | { readonly outcome: "recorded"; readonly record: StoredTransaction }
  | { readonly outcome: "refused"; readonly refusal: R }
  | { readonly outcome: "duplicate"; readonly record: StoredTransaction };

/** One transaction for `recordMany`: `record`'s arguments. */
export interface TransactionEntry {
  readonly loanId: string;
  readonly idempotencyKey: string;
  readonly transaction: Transaction;
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
  /**
   * `record` for each entry in order, in a few statements: results in entry order. A key
   * already used, or used by an earlier entry, returns that first record as `duplicate`. Same
   * date transactions keep the entries' order, as one `record` after another would. An unknown
   * loan rejects with NOT_FOUND before anything is written.
   */
  recordMany(
    entries: readonly TransactionEntry[],
  ): Promise<Array<{ record: StoredTransaction; duplicate: boolean }>>;
  byKey(idempotencyKey: string): Promise<StoredTransaction | undefined>;
  /** `byKey` for many keys in a few reads: an entry for each key recorded. */
  byKeys(idempotencyKeys: readonly string[]): Promise<Map<string, StoredTransaction>>;
  forLoan(loanId: string): Promise<StoredTransaction[]>;
  /**
   * `forLoan` for many loans in one read: an entry for every id asked (empty for a loan with
   * none, or an unknown one), each in `forLoan`'s order.
   */
  forLoans(loanIds: readonly string[]): Promise<Map<string, StoredTransaction[]>>;
}
