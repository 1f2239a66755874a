// An accepted plan replaces the arrears: open promises to pay them are closed and their pauses lifted.
import type { Store } from "../ports/store.ts";

/**
 * Closes every open promise on `loanId` (status "closed": neither kept nor broken), lifts the
 * reminder pauses those promises set, and audits each, so no promise is left open against
 * installments that no longer exist. Returns the ids closed.
 */
export async function closePromisesForPlan(
  store: Pick<Store, "contact" | "audit">,
  input: { borrowerId: string; loanId: string; planId: string; actor: string; at: string },
): Promise<string[]> {
  const { contact } = store;
  const open = (await contact.promises(input.borrowerId)).filter(
    (promise) => promise.status === "open" && promise.loanId === input.loanId,
  );
  for (const promise of open) {
    await contact.setPromiseStatus(promise.id, "closed", input.at);
    await store.audit.append({
      actor: input.actor,
      action: "promise.closed",
      subject: `loan:${input.loanId}`,
      payload: { promiseId: promise.id, borrowerId: input.borrowerId, planId: input.planId },
      at: input.at,
    });
  }
  const pauses = await contact.activePauses(input.borrowerId, input.at);
  for (const pause of pauses) {
    if (pause.reason === "promise" && pause.loanId === input.loanId) {
      await contact.liftPause(pause.id, input.at);
    }
  }
  return open.map((promise) => promise.id);
}
