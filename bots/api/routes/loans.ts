// POST /api/loans: create or update a loan (and its borrower) by external ref.
import { Hono } from "hono";
import type { Store } from "../../../core/ports/index.ts";
import { parseLoanRecord } from "../../import/loan-record.ts";
import { localDate } from "../../time/local-date.ts";
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
    const { borrower: borrowerInput, loan: loanInput } = parsed.value;
    const { borrower } = await store.borrowers.upsert(borrowerInput);
    const { loan, change } = await store.loans.upsert({ ...loanInput, borrowerId: borrower.id });
    if (change !== "unchanged") {
      await store.audit.append({
        actor: "api",
        action: `loan.${change}`,
        subject: `loan:${loan.id}`,
        payload: { ref: loan.externalRef, borrowerRef: borrower.externalRef },
        at: now().toISOString(),
      });
    }
    const view = await loanView(store, loan, localDate(now(), borrower.timeZone));
    return c.json(
      { change, borrowerRef: borrower.externalRef, loan: view },
      change === "created" ? 201 : 200,
    );
  });
  return routes;
}
