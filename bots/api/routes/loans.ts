// POST /api/loans: create or update a loan (and its borrower) by external ref, in one transaction.
import { Hono } from "hono";
import { localDate } from "../../../core/dates/index.ts";
import type { Store } from "../../../core/ports/index.ts";
import {
  borrowerChanges,
  LOAN_BORROWER_MISMATCH,
  mismatchReason,
} from "../../import/borrower-moves.ts";
import { applyContact, recordPhoneChange } from "../../import/contact-record.ts";
import { parseLoanRecord } from "../../import/loan-record.ts";
import { ApiError, jsonBody } from "../api-error.ts";
import { loanView } from "../borrower-view.ts";

export function loanRoutes(store: Store, now: () => Date): Hono {
  const routes = new Hono();
  routes.post("/", async (c) => {
    const parsed = parseLoanRecord(await jsonBody(c));
    if (!parsed.ok) {
      const first = parsed.errors[0] ?? { field: "", reason: "is invalid" };
      throw new ApiError(422, "INVALID_LOAN", `${first.field}: ${first.reason}`, first.field);
    }
    const { borrower: borrowerInput, contact, loan: loanInput, moveToBorrower } = parsed.value;
    // Borrower, loan and audit rows commit together: a refused or failed loan leaves no borrower behind.
    const result = await store.atomic(async (tx) => {
      const at = now().toISOString();
      const moves = await borrowerChanges(tx, [
        { loanRef: loanInput.externalRef, borrowerRef: borrowerInput.externalRef },
      ]);
      const move = moves.get(loanInput.externalRef);
      if (move && !moveToBorrower) {
        throw new ApiError(
          409,
          LOAN_BORROWER_MISMATCH,
          mismatchReason(move, '"moveToBorrower": true'),
          "borrowerRef",
        );
      }
      const upserted = await tx.borrowers.upsert(borrowerInput);
      const { borrower } = upserted;
      await recordPhoneChange(tx, upserted, "api", at);
      await applyContact(tx, borrower.id, borrower.phone, contact, "api", at);
      const { loan, change } = await tx.loans.upsert({ ...loanInput, borrowerId: borrower.id });
      if (change !== "unchanged") {
        await tx.audit.append({
          actor: "api",
          action: `loan.${change}`,
          subject: `loan:${loan.id}`,
          payload: { ref: loan.externalRef, borrowerRef: borrower.externalRef },
          at,
        });
      }
      if (move) {
        await tx.audit.append({
          actor: "api",
          action: "loan.moved",
          subject: `loan:${loan.id}`,
          payload: {
            ref: loan.externalRef,
            fromBorrowerRef: move.fromRef,
            toBorrowerRef: move.toRef,
          },
          at,
        });
      }
      return { borrower, loan, change };
    });
    const { borrower, loan, change } = result;
    const view = await loanView(store, loan, localDate(now(), borrower.timeZone));
    return c.json(
      { change, borrowerRef: borrower.externalRef, loan: view },
      change === "created" ? 201 : 200,
    );
  });
  return routes;
}
