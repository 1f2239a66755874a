// Everything about one borrower in one read: their record, their loans as of their today, and how we contact them.
import type { IsoDate } from "../dates/iso-date.ts";
import { localDate } from "../dates/local-date.ts";
import type { ContactReads } from "../policy/borrower-context.ts";
import type { LoanWithTransactions } from "../ports/loans.ts";
import type { Store } from "../ports/store.ts";
import { type KnownReads, readContact } from "./contact-reads.ts";
import {
  byReference,
  type LoanView,
  type LoanViewWithPlans,
  loanView,
  viewOf,
} from "./loan-view.ts";

export interface BorrowerFile {
  readonly borrower: ContactReads["borrower"];
  /** The borrower's local date at `now`: every loan state is as of it. */
  readonly today: IsoDate;
  /** Every loan, active or not, in reference order, with its plans. */
  readonly loans: readonly LoanViewWithPlans[];
  /** The same contact records the nudge policy decides on. */
  readonly contact: ContactReads;
}

/**
 * The one read model of a borrower: what the agent's card shows, built from the same reads the
 * nudger's context and the assistant's loan views use. Undefined when the borrower is gone.
 *
 * @example const file = await loadBorrowerFile(store, borrower.id, now.toISOString());
 */
export async function loadBorrowerFile(
  store: Store,
  borrowerId: string,
  now: string,
  known: KnownReads = {},
): Promise<BorrowerFile | undefined> {
  const contact = await readContact(store, borrowerId, now, known);
  if (!contact) return undefined;
  const { borrower } = contact;
  const today = localDate(new Date(now), borrower.timeZone);
  const loans = await Promise.all(
    byReference(await store.loans.forBorrower(borrower.id)).map(async (loan) => ({
      ...(await loanView(store, loan, today)),
      plans: await store.plans.forLoan(loan.id),
    })),
  );
  return { borrower, today, loans, contact };
}

/**
 * The borrower's active loans as of `today`, in reference order (what the assistant talks
 * about): loans, schedules and transactions in one read, or none when `known` holds what
 * `loans.forBorrowerWithTransactions(borrowerId, "active")` returned a moment ago.
 */
export async function activeLoanViews(
  store: Store,
  borrowerId: string,
  today: IsoDate,
  known?: readonly LoanWithTransactions[],
): Promise<LoanView[]> {
  const read = known ?? (await store.loans.forBorrowerWithTransactions(borrowerId, "active"));
  const records = new Map(read.map((entry) => [entry.loan.id, entry.transactions]));
  return byReference(read.map((entry) => entry.loan)).map((loan) =>
    viewOf(loan, records.get(loan.id) ?? [], today),
  );
}
