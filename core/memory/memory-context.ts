// What the in-memory ports share: the clock, the id source, and the rows others refer to.
import type { Borrower } from "../ports/borrowers.ts";
import type { StoredLoan } from "../ports/loans.ts";
import { notFound } from "../store/store-errors.ts";

export interface MemoryContext {
  /** Now, as a UTC ISO instant. */
  readonly clock: () => string;
  readonly ids: () => string;
  readonly borrowers: Map<string, Borrower>;
  readonly loans: Map<string, StoredLoan>;
}

/** The foreign-key check a database would make: NOT_FOUND for an unknown borrower. */
export function requireBorrower(context: MemoryContext, id: string): Borrower {
  const borrower = context.borrowers.get(id);
  if (!borrower) throw notFound("borrower", id);
  return borrower;
}

export function requireLoan(context: MemoryContext, id: string): StoredLoan {
  const loan = context.loans.get(id);
  if (!loan) throw notFound("loan", id);
  return loan;
}
