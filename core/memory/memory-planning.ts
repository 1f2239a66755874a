// The nudge planner's page read and write in memory: the reads and writes they stand for, one after another.
import type { BorrowerStore } from "../ports/borrowers.ts";
import type { ContactControls } from "../ports/contact-controls.ts";
import type { LoanStore } from "../ports/loans.ts";
import type { NudgePlanning } from "../ports/nudge-planning.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { TransactionStore } from "../ports/transactions.ts";
import { nextNudgesById } from "../store/next-nudges-by-id.ts";

export function memoryPlanning(parts: {
  readonly loans: LoanStore;
  readonly borrowers: BorrowerStore;
  readonly contact: ContactControls;
  readonly transactions: TransactionStore;
  readonly outbox: Outbox;
}): NudgePlanning {
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
    async writePage(nudges, next) {
      nextNudgesById(next); // throws INVALID_INSTANT before anything is written
      const planned = await parts.outbox.planMany(nudges);
      await parts.loans.setNextNudgeAtMany(next);
      return planned;
    },
  };
}
