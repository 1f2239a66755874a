// The records a command acts on, read inside its transaction, or a coded refusal naming what is missing.
import { DomainError } from "../errors/domain-error.ts";
import type { Borrower } from "../ports/borrowers.ts";
import type { StoredLoan } from "../ports/loans.ts";
import type { Store } from "../ports/store.ts";
import { CommandErrorCode } from "./command-errors.ts";

export async function requireBorrower(
  store: Pick<Store, "borrowers">,
  borrowerId: string,
): Promise<Borrower> {
  const borrower = await store.borrowers.byId(borrowerId);
  if (!borrower) {
    throw new DomainError(CommandErrorCode.BorrowerNotFound, `no borrower ${borrowerId}`, {
      borrowerId,
    });
  }
  return borrower;
}

/** The loan and its borrower. */
export async function requireLoan(
  store: Pick<Store, "borrowers" | "loans">,
  loanId: string,
): Promise<{ loan: StoredLoan; borrower: Borrower }> {
  const loan = await store.loans.byId(loanId);
  if (!loan) {
    throw new DomainError(CommandErrorCode.LoanNotFound, `no loan ${loanId}`, { loanId });
  }
  return { loan, borrower: await requireBorrower(store, loan.borrowerId) };
}

/** The words explaining an action, trimmed; REASON_REQUIRED when there are none. */
export function requireReason(text: string | undefined, field: string): string {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") {
    throw new DomainError(CommandErrorCode.ReasonRequired, `${field}: say why`, { field });
  }
  return trimmed;
}
