// A borrower became reachable again (linked, opted back in, a dead channel revived): the planner looks now.
import type { LoanStore } from "./loans.ts";

/**
 * Brings the nextNudgeAt of the borrower's active loans forward to `at` (never later), so the
 * planner's next tick decides them again instead of waiting for the next cadence slot. The
 * planner still applies every rule (window, caps, pauses); this only asks it to look.
 * Returns how many loans were brought forward.
 *
 * @example await lookAgain(store.loans, borrower.id, now.toISOString());
 */
export async function lookAgain(
  loans: Pick<LoanStore, "forBorrower" | "setNextNudgeAtMany">,
  borrowerId: string,
  at: string,
): Promise<number> {
  const due = (await loans.forBorrower(borrowerId)).filter(
    (loan) =>
      loan.status === "active" &&
      loan.nextNudgeAt !== undefined &&
      Date.parse(loan.nextNudgeAt) > Date.parse(at),
  );
  if (due.length === 0) return 0;
  return loans.setNextNudgeAtMany(due.map((loan) => ({ id: loan.id, at })));
}
