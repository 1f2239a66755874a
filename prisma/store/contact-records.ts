// ContactRecords from the live decision records (nudge_decisions, written by the planner and dispatcher).

import type { Channel, ContactRecord, ContactRecords } from "../../core/ports/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";

interface Row {
  at: Date;
  borrower_id: string;
  borrower_ref: string | null;
  time_zone: string | null;
  loan_id: string;
  channel: Channel | null;
  kind: string | null;
  decision: ContactRecord["decision"];
  reasons: string[];
  stage: string;
}

/**
 * Every sent, deferred, suppressed or failed decision, at planning and at send time ("planned"
 * is not a decision about contact). A borrower deleted since keeps their decisions, under
 * their id and UTC.
 */
export function prismaContactRecords(prisma: PrismaClient): ContactRecords {
  return {
    async between(since, until, limit) {
      const rows = await prisma.$queryRaw<Row[]>`
        SELECT d.at, d.borrower_id, b.external_ref AS borrower_ref, b.time_zone, d.loan_id,
               d.channel, d.kind, d.decision, d.reasons, d.stage
          FROM nudge_decisions d LEFT JOIN borrowers b ON b.id = d.borrower_id
         WHERE d.at >= ${dbInstant(since, "since")} AND d.at < ${dbInstant(until, "until")}
           AND d.decision IN ('sent', 'deferred', 'suppressed', 'failed')
         ORDER BY d.at, d.id LIMIT ${limit}`;
      return rows.map(
        (row): ContactRecord => ({
          at: row.at.toISOString(),
          borrowerId: row.borrower_id,
          borrowerRef: row.borrower_ref ?? row.borrower_id,
          timeZone: row.time_zone ?? "UTC",
          ...(row.loan_id ? { loanId: row.loan_id } : {}),
          channel: row.channel,
          kind: row.kind ?? "",
          decision: row.decision,
          reasons: row.reasons,
          stage: row.stage === "dispatch" ? "dispatch" : "plan",
        }),
      );
    },
    async optOutEvents(since, until, limit) {
      const rows = await prisma.$queryRaw<
        {
          at: Date;
          borrower_ref: string | null;
          borrower_id: string;
          channel: Channel;
          source: string;
        }[]
      >`
        SELECT e.at, b.external_ref AS borrower_ref, e.borrower_id, e.channel::text AS channel, e.source
          FROM consent_events e LEFT JOIN borrowers b ON b.id = e.borrower_id
         WHERE e.kind::text = 'opt_out'
           AND e.at >= ${dbInstant(since, "since")} AND e.at < ${dbInstant(until, "until")}
         ORDER BY e.at, e.id LIMIT ${limit}`;
      return rows.map((row) => ({
        at: row.at.toISOString(),
        borrowerRef: row.borrower_ref ?? row.borrower_id,
        channel: row.channel,
        source: row.source,
      }));
    },
    async optOuts(since, until) {
      const rows = await prisma.$queryRaw<{ channel: Channel; n: number }[]>`
        SELECT channel::text AS channel, count(*)::int AS n FROM consent_events
         WHERE kind::text = 'opt_out'
           AND at >= ${dbInstant(since, "since")} AND at < ${dbInstant(until, "until")}
         GROUP BY channel`;
      return Object.fromEntries(rows.map((row) => [row.channel, Number(row.n)]));
    },
  };
}
