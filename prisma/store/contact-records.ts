// ContactRecords from the nudge outbox: each row's last decision, with its borrower's zone.

import type { Channel, ContactRecord, ContactRecords } from "../../core/ports/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";

interface Row {
  at: Date;
  borrower_id: string;
  borrower_ref: string;
  time_zone: string;
  loan_id: string | null;
  channel: Channel;
  kind: string;
  status: string;
  reason_codes: string[];
}

/** A planned or claimed row that carries reasons was moved by the policy: deferred. */
function decisionOf(row: Row): ContactRecord["decision"] | undefined {
  if (row.status === "sent" || row.status === "suppressed" || row.status === "failed") {
    return row.status;
  }
  return row.reason_codes.length > 0 ? "deferred" : undefined;
}

export function prismaContactRecords(prisma: PrismaClient): ContactRecords {
  return {
    async between(since, until, limit) {
      const rows = await prisma.$queryRaw<Row[]>`
        SELECT coalesce(o.sent_at, o.updated_at) AS at, o.borrower_id, b.external_ref AS borrower_ref,
               b.time_zone, o.loan_id, o.channel, o.kind, o.status::text AS status, o.reason_codes
          FROM nudge_outbox o JOIN borrowers b ON b.id = o.borrower_id
         WHERE coalesce(o.sent_at, o.updated_at) >= ${dbInstant(since, "since")}
           AND coalesce(o.sent_at, o.updated_at) < ${dbInstant(until, "until")}
         ORDER BY 1, o.id LIMIT ${limit}`;
      return rows.flatMap((row): ContactRecord[] => {
        const decision = decisionOf(row);
        if (!decision) return [];
        return [
          {
            at: row.at.toISOString(),
            borrowerId: row.borrower_id,
            borrowerRef: row.borrower_ref,
            timeZone: row.time_zone,
            ...(row.loan_id ? { loanId: row.loan_id } : {}),
            channel: row.channel,
            kind: row.kind,
            decision,
            reasons: row.reason_codes,
          },
        ];
      });
    },
    async optOuts(since, until) {
      const rows = await prisma.$queryRaw<{ channel: Channel; n: number }[]>`
        SELECT channel, count(*)::int AS n FROM opt_outs
         WHERE at >= ${dbInstant(since, "since")} AND at < ${dbInstant(until, "until")}
         GROUP BY channel`;
      return Object.fromEntries(rows.map((row) => [row.channel, Number(row.n)]));
    },
  };
}
