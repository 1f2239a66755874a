// Reads everything the policy needs about one borrower (or many at once), through the shared borrower reads.
import {
  type BorrowerContext,
  contextFrom,
  type LoanToday,
  loanTodayFrom,
} from "../../core/policy/index.ts";
import type { Borrower, Channel, PromiseToPay, Store, StoredLoan } from "../../core/ports/index.ts";
import { type KnownReads, readContact, readContacts } from "../../core/reads/index.ts";

/** Undefined when the borrower is gone. `channels` in order of preference. */
export async function loadBorrowerContext(
  store: Store,
  borrowerId: string,
  now: string,
  channels: readonly Channel[],
  known: KnownReads = {},
): Promise<BorrowerContext | undefined> {
  const reads = await readContact(store, borrowerId, now, known);
  return reads && contextFrom(reads, channels);
}

/**
 * loadBorrowerContext for many borrowers of whom the caller already read the borrower rows and
 * promises: one batch read per kind of record. Keyed by borrower id; borrowers not in
 * `known.borrowers` are left out.
 */
export async function loadBorrowerContexts(
  store: Store,
  borrowerIds: readonly string[],
  now: string,
  channels: readonly Channel[],
  known: {
    borrowers: ReadonlyMap<string, Borrower>;
    promises: ReadonlyMap<string, readonly PromiseToPay[]>;
  },
): Promise<Map<string, BorrowerContext>> {
  const contexts = new Map<string, BorrowerContext>();
  for (const [id, reads] of await readContacts(store, borrowerIds, now, known)) {
    contexts.set(id, contextFrom(reads, channels));
  }
  return contexts;
}

/** The loan's state as of the borrower's local date at `now`. */
export async function loanToday(
  store: Store,
  loan: StoredLoan,
  now: string,
  timeZone: string,
): Promise<LoanToday> {
  return loanTodayFrom(loan, await store.transactions.forLoan(loan.id), now, timeZone);
}
