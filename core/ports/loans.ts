// Port: loans with their terms and current schedule; the ledger derives state from them.
import type { LateFeeTerms } from "../fees/late-fee-terms.ts";
import type { Rate } from "../money/rate.ts";
import type { Installment } from "../schedule/installment.ts";
import type { LoanTerms } from "../schedule/terms.ts";
import type { UpsertChange } from "./borrowers.ts";
import type { StoredTransaction } from "./transactions.ts";

export type LoanStatus = "active" | "paid_off" | "written_off";

export interface LoanInput {
  readonly externalRef: string;
  readonly borrowerId: string;
  readonly terms: LoanTerms;
  readonly lateFee?: LateFeeTerms;
  readonly rateCap?: Rate;
  readonly status?: LoanStatus;
}

export interface StoredLoan extends LoanInput {
  readonly id: string;
  readonly status: LoanStatus;
  /** The contractual schedule generated from the terms. */
  readonly schedule: readonly Installment[];
  /** Earliest instant (UTC ISO) the nudge planner should look at this loan again. */
  readonly nextNudgeAt?: string;
}

/** A loan's next look by the nudge planner; no `at`: none planned. */
export interface NextNudge {
  readonly id: string;
  readonly at?: string;
}

/** A loan with its transactions, in `transactions.forLoan`'s order. */
export interface LoanWithTransactions {
  readonly loan: StoredLoan;
  readonly transactions: readonly StoredTransaction[];
}

/** What a bulk upsert hands back per loan: enough to count and link, not the schedule. */
export type LoanRef = Pick<StoredLoan, "id" | "externalRef">;

export interface LoanStore {
  /** Creates or updates by external ref; regenerates the schedule when the terms change. */
  upsert(input: LoanInput): Promise<{ loan: StoredLoan; change: UpsertChange }>;
  /**
   * Upserts each input as `upsert` would, results in input order; for imports, far fewer round
   * trips. Rejects with CONFLICT when a ref appears twice, before writing anything.
   */
  upsertMany(inputs: readonly LoanInput[]): Promise<Array<{ loan: LoanRef; change: UpsertChange }>>;
  byId(id: string): Promise<StoredLoan | undefined>;
  byRef(externalRef: string): Promise<StoredLoan | undefined>;
  /** `byRef` for many refs in a few reads: an entry for each ref that names a loan. */
  byRefs(externalRefs: readonly string[]): Promise<Map<string, StoredLoan>>;
  /** For each of `externalRefs` that names a loan, its borrower's id, in one read. */
  borrowerIdsByRef(externalRefs: readonly string[]): Promise<Map<string, string>>;
  forBorrower(borrowerId: string): Promise<StoredLoan[]>;
  /**
   * The borrower's loans as `forBorrower` lists them (only those in `status` when given), each
   * with its transactions as `transactions.forLoan` lists them: one read where the store can,
   * for the assistant's every answer about money.
   */
  forBorrowerWithTransactions(
    borrowerId: string,
    status?: LoanStatus,
  ): Promise<LoanWithTransactions[]>;
  setStatus(id: string, status: LoanStatus): Promise<void>;
  setNextNudgeAt(id: string, at: string | undefined): Promise<void>;
  /**
   * `setNextNudgeAt` for many loans, in a few statements (one per few hundred loans); an entry
   * without `at` clears it, and of two entries for one loan the last wins. Every instant is
   * checked before anything is written. Unlike `setNextNudgeAt`, an unknown id is skipped, not
   * refused: a loan deleted since it was read has nothing left to schedule, and should not fail
   * the others. Returns how many loans were updated.
   */
  setNextNudgeAtMany(entries: readonly NextNudge[]): Promise<number>;
  /**
   * Ids of active loans with no nextNudgeAt (new or imported, never planned), by id, at most
   * `limit`: the nudge planner primes them.
   */
  withoutNextNudge(limit: number): Promise<string[]>;
  /** Active loans ordered by id, at most `limit`, the page after `afterId`: for listings that walk them all. */
  listActive(limit: number, afterId?: string): Promise<StoredLoan[]>;
  /** Loans whose nextNudgeAt is at or before `now`, oldest first, one page after `afterId`. */
  dueForNudge(
    now: string,
    limit: number,
    after?: { at: string; id: string },
  ): Promise<StoredLoan[]>;
}
