// The nudge planner's page read and write in memory: the reads and writes they stand for, one after another.
import type { BorrowerStore } from "../ports/borrowers.ts";
import type { ContactControls } from "../ports/contact-controls.ts";
import type { ConsentLog, ContactPointStore } from "../ports/contact-points.ts";
import type { ConversationLog } from "../ports/conversation.ts";
import type { HandoffStore } from "../ports/handoffs.ts";
import type { IdentityStore } from "../ports/identities.ts";
import type { LoanStore } from "../ports/loans.ts";
import type { NudgePlanning } from "../ports/nudge-planning.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { TransactionStore } from "../ports/transactions.ts";
import { contactRecordsFor } from "../store/contact-records-for.ts";
import { nextNudgesById } from "../store/next-nudges-by-id.ts";

export function memoryPlanning(parts: {
  readonly loans: LoanStore;
  readonly borrowers: BorrowerStore;
  readonly contact: ContactControls;
  readonly transactions: TransactionStore;
  readonly outbox: Outbox;
  readonly identities: IdentityStore;
  readonly conversation: ConversationLog;
  readonly handoffs: HandoffStore;
  readonly consent: ConsentLog;
  readonly contactPoints: ContactPointStore;
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
    async contactRecords(borrowerIds, now, { since, conversationDepth }) {
      const ids = [...new Set(borrowerIds)];
      const [identities, optedOut, pauses, conversations, handoffs, sent, consent, preferences] =
        await Promise.all([
          parts.identities.forBorrowers(ids),
          parts.contact.optedOutChannelsFor(ids),
          parts.contact.activePausesFor(ids, now),
          parts.conversation.recentFor(ids, conversationDepth),
          parts.handoffs.activeFor(ids),
          parts.outbox.contactsSinceFor(ids, since),
          parts.consent.forBorrowers(ids),
          parts.contactPoints.forBorrowers(ids),
        ]);
      return contactRecordsFor(ids, {
        identities,
        optedOut,
        pauses,
        sent,
        conversation: conversations,
        handoff: handoffs,
        consent,
        preferences,
      });
    },
    async writePage(nudges, next) {
      nextNudgesById(next); // throws INVALID_INSTANT before anything is written
      const planned = await parts.outbox.planMany(nudges);
      await parts.loans.setNextNudgeAtMany(next);
      return planned;
    },
  };
}
