// The outbox's send boundary on Prisma: rows marked as being sent, and leases that ran out on either side of it.

import type { Outbox } from "../../core/ports/index.ts";
import { LEASE_EXPIRED } from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";

export function outboxInFlight(prisma: PrismaClient): Pick<Outbox, "markSending" | "expireLeases"> {
  return {
    async markSending(ids, worker, now) {
      if (ids.length === 0) return [];
      const at = dbInstant(now, "now").toISOString();
      // One statement: a row expireLeases settled first is no longer claimed, so it is left out.
      const marked = await prisma.$queryRaw<{ id: string }[]>`
        UPDATE nudge_outbox SET send_started_at = ${at}::timestamptz, updated_at = now()
        WHERE id = ANY(${[...new Set(ids)]}::text[]) AND status = 'claimed'
          AND claimed_by = ${worker} AND claimed_until > ${at}::timestamptz
        RETURNING id`;
      const found = new Set(marked.map((row) => row.id));
      return ids.filter((id, index) => found.has(id) && ids.indexOf(id) === index);
    },

    async expireLeases(now) {
      const at = dbInstant(now, "now");
      // Row locks order these against markSending: a row is marked first (then failed here) or
      // put back first (then never marked, never sent by the dispatcher that lost it).
      const [failed, released] = await prisma.$transaction([
        prisma.nudgeOutbox.updateMany({
          where: { status: "claimed", claimedUntil: { lt: at }, sendStartedAt: { not: null } },
          data: { status: "failed", lastError: LEASE_EXPIRED },
        }),
        prisma.nudgeOutbox.updateMany({
          where: { status: "claimed", claimedUntil: { lt: at }, sendStartedAt: null },
          data: { status: "planned", claimedBy: null, claimedUntil: null, claimedAt: null },
        }),
      ]);
      return failed.count + released.count;
    },
  };
}
