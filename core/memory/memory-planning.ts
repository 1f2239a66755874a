// The nudge planner's page read in memory: the four reads it stands for, one after another.
import type { BorrowerStore } from "../ports/borrowers.ts";
import type { ContactControls } from "../ports/contact-controls.ts";
import type { LoanStore } from "../ports/loans.ts";
import type { NudgePlanningReads } from "../ports/nudge-planning.ts";
import type { TransactionStore } from "../ports/transactions.ts";

export function memoryPlanning(parts: {
  readonly loans: LoanStore;
  readonly borrowers: BorrowerStore;
  readonly contact: ContactControls;
  readonly transactions: TransactionStore;
}): NudgePlanningReads {
  return {
    async duePage(now, limit, after) {
      const loans = await parts.loans.dueForNudge(now, limit, after);
      const borrowerIds = [...new Set(loans.map((loan) => loan.borrowerId))];
      const active = loans.filter((loan) => loan.status === "active").map((loan) => loan.id);
      return {
        loans,
        borrowers: await parts.borrowers.byIds(borrowerIds),
        promises: await parts.contact.promisesFor(borrowerIds),
        transactions: await parts.transactions.forLoans(active),
      };
    },
  };
}
