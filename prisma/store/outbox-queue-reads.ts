// Outbox reads for the queue engine: due rows to turn into dispatch jobs, and claims by row id.

import type { NudgeRow, Outbox } from "../../core/ports/index.ts";
import { pageLimit } from "../../core/store/index.ts";
import type { NudgeOutbox, PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";

const CLAIM_ORDER = [{ plannedFor: "asc" }, { borrowerId: "asc" }, { id: "asc" }] as const;

/** `nudgeFromRow` is the outbox module's row mapping (passed in: this module sits below it). */
export function outboxQueueReads(
  prisma: PrismaClient,
  nudgeFromRow: (row: NudgeOutbox) => NudgeRow,
): Pick<Outbox, "dueRows" | "claimIds"> {
  return {
    async dueRows(now, limit) {
      const take = pageLimit(limit);
      if (take === 0) return [];
      const rows = await prisma.nudgeOutbox.findMany({
        where: { status: "planned", plannedFor: { lte: dbInstant(now, "now") } },
        orderBy: [...CLAIM_ORDER],
        take,
      });
      return rows.map(nudgeFromRow);
    },

    async claimIds(ids, now, worker, leaseUntil) {
      if (ids.length === 0) return [];
      const at = dbInstant(now, "now").toISOString();
      const until = dbInstant(leaseUntil, "leaseUntil").toISOString();
      // One statement, as claimDue: a row another dispatcher holds locked is skipped, not waited for.
      const claimed = await prisma.$queryRaw<{ id: string }[]>`
        WITH due AS (
          SELECT id FROM nudge_outbox
          WHERE id = ANY(${[...ids]}::text[]) AND status = 'planned'
            AND planned_for <= ${at}::timestamptz
          FOR UPDATE SKIP LOCKED
        )
        UPDATE nudge_outbox AS o
        SET status = 'claimed', claimed_by = ${worker}, claimed_until = ${until}::timestamptz,
            claimed_at = ${at}::timestamptz,
            attempts = o.attempts + 1, updated_at = now()
        FROM due WHERE o.id = due.id
        RETURNING o.id`;
      if (claimed.length === 0) return [];
      const rows = await prisma.nudgeOutbox.findMany({
        where: { id: { in: claimed.map((row) => row.id) } },
        orderBy: [...CLAIM_ORDER],
      });
      return rows.map(nudgeFromRow);
    },
  };
}
