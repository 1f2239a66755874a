// Loans named with another borrower than they have: refused unless the record says to move them.
import type { Store } from "../../core/ports/index.ts";

export const LOAN_BORROWER_MISMATCH = "LOAN_BORROWER_MISMATCH";

export interface BorrowerChange {
  readonly loanRef: string;
  /** The borrower the loan has today. */
  readonly fromRef: string;
  readonly toRef: string;
}

/** Each existing loan among `rows` whose borrower ref differs from the row's, by loan ref; two reads. */
export async function borrowerChanges(
  store: Pick<Store, "loans" | "borrowers">,
  rows: readonly { readonly loanRef: string; readonly borrowerRef: string }[],
): Promise<Map<string, BorrowerChange>> {
  const changes = new Map<string, BorrowerChange>();
  if (rows.length === 0) return changes;
  const owners = await store.loans.borrowerIdsByRef(rows.map((row) => row.loanRef));
  const borrowers = await store.borrowers.byIds([...new Set(owners.values())]);
  for (const { loanRef, borrowerRef } of rows) {
    const owner = owners.get(loanRef);
    const fromRef = owner === undefined ? undefined : borrowers.get(owner)?.externalRef;
    if (fromRef !== undefined && fromRef !== borrowerRef) {
      changes.set(loanRef, { loanRef, fromRef, toRef: borrowerRef });
    }
  }
  return changes;
}

/** Why a change of borrower was refused, and how to ask for it. */
export function mismatchReason(change: BorrowerChange, moveField: string): string {
  return (
    `loan ${change.loanRef} belongs to borrower ${change.fromRef}, not ${change.toRef}; ` +
    `set ${moveField} to move it`
  );
}
