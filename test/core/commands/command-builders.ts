// Shared builders for the command tests: a store with a late borrower, an agent, and what a refusal looks like.
import { expect } from "vitest";
import type { Store } from "../../../core/ports/index.ts";
import { givenLateBorrower } from "../assistant/builders.ts";

/** The worked example's afternoon: 45 days past due, 205.08 overdue, 20.36 of penalties. */
export const AT = "2026-04-01T14:00:00.000Z";
export const AGENT = "agent:U0AGENT";

export { givenLateBorrower };

/** Matches a command's coded refusal: `await expect(p).rejects.toEqual(refusal("WAIVER_OVER_CAP"))`. */
export function refusal(code: string) {
  return expect.objectContaining({ name: "DomainError", code });
}

/** Everything a command could have written about a borrower and their loans, to compare before and after. */
export async function writtenAbout(store: Store, borrowerId: string) {
  const loans = await store.loans.forBorrower(borrowerId);
  return {
    audit: [
      ...(await store.audit.forSubject(`borrower:${borrowerId}`, 100)),
      ...(await Promise.all(loans.map((l) => store.audit.forSubject(`loan:${l.id}`, 100)))).flat(),
    ],
    transactions: (await Promise.all(loans.map((l) => store.transactions.forLoan(l.id)))).flat(),
    plans: (await Promise.all(loans.map((l) => store.plans.forLoan(l.id)))).flat(),
    pauses: await store.contact.activePauses(borrowerId, AT),
    promises: await store.contact.promises(borrowerId),
    handoff: await store.handoffs.active(borrowerId),
    identities: await store.identities.forBorrower(borrowerId),
  };
}
