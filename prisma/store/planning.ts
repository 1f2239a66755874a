// The nudge planner's page read, contact records read and page write on Prisma: one SQL statement each.
import type { LoanStore, NudgePlanning, Outbox } from "../../core/ports/index.ts";
import { nextNudgesById } from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { BULK_CHUNK } from "./bulk-insert.ts";
import { readContactRecords } from "./contact-records-read.ts";
import { readDuePage } from "./due-page-read.ts";
import { nudgeFromRow } from "./outbox.ts";
import { planNudges } from "./outbox-plan-many.ts";

/** `parts`: the store's own outbox and loans, for the write's one-by-one fallback. */
export function prismaPlanning(
  prisma: PrismaClient,
  parts: { readonly outbox: Outbox; readonly loans: LoanStore },
): NudgePlanning {
  return {
    duePage: (now, limit, after) => readDuePage(prisma, now, limit, after),

    contactRecords: (borrowerIds, now, reach) =>
      readContactRecords(prisma, borrowerIds, now, reach),

    async writePage(nudges, next) {
      const moves = nextNudgesById(next); // throws INVALID_INSTANT before anything is written
      if (nudges.length === 0 || moves.size > BULK_CHUNK) {
        const planned = await parts.outbox.planMany(nudges);
        await parts.loans.setNextNudgeAtMany(next);
        return planned;
      }
      return planNudges(prisma, nudges, nudgeFromRow, parts.outbox.plan, {
        moves,
        // The statement failed as a whole (a borrower or loan gone): nudges were planned one by one.
        afterFallback: () => parts.loans.setNextNudgeAtMany(next),
      });
    },
  };
}
