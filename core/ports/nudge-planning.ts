// Port: what the nudge planner reads per page, in as few round trips as the store can manage.
import type { Borrower } from "./borrowers.ts";
import type { PromiseToPay } from "./contact-controls.ts";
import type { StoredLoan } from "./loans.ts";
import type { StoredTransaction } from "./transactions.ts";

/** One page of loans due for a nudge and the records the planner decides them from. */
export interface DuePage {
  /** As `loans.dueForNudge` gives them: oldest nextNudgeAt first, then by id. */
  readonly loans: readonly StoredLoan[];
  /** The page's borrowers, by id (as `borrowers.byIds`). */
  readonly borrowers: ReadonlyMap<string, Borrower>;
  /** Each borrower's promises, an entry per borrower of the page (as `contact.promisesFor`). */
  readonly promises: ReadonlyMap<string, readonly PromiseToPay[]>;
  /** Each active loan's transactions, an entry per active loan (as `transactions.forLoans`). */
  readonly transactions: ReadonlyMap<string, readonly StoredTransaction[]>;
}

export interface NudgePlanningReads {
  /**
   * `loans.dueForNudge(now, limit, after)` with the page's borrowers, their promises and the
   * active loans' transactions: what those four reads give, in one (one SQL statement on
   * Prisma).
   */
  duePage(now: string, limit: number, after?: { at: string; id: string }): Promise<DuePage>;
}
