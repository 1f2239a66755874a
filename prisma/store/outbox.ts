// Outbox on Prisma: dedupe keys by unique index, claims by one UPDATE ... FOR UPDATE SKIP LOCKED.

import type { NudgeKind } from "../../core/nudges/index.ts";
import type { NudgeRow, Outbox } from "../../core/ports/index.ts";
import {
  byKeyThenId,
  distinctIds,
  groupById,
  LEASE_EXPIRED,
  mayHaveReachedBorrower,
  mergeReasonCodes,
  notFound,
  pageLimit,
  UNKNOWN_OUTCOME,
} from "../../core/store/index.ts";
import type { NudgeOutbox as OutboxRow, PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";
import { outboxInFlight } from "./outbox-in-flight.ts";
import { planNudges } from "./outbox-plan-many.ts";
import { outboxQueueReads } from "./outbox-queue-reads.ts";
import { foreignKeyColumn, isForeignKeyViolation, isRecordNotFound } from "./prisma-errors.ts";

/**
 * Outbox rows of many borrowers that may have reached them (sent, or a send that may have
 * happened), by contact instant then id, as contactsSinceFor gives them.
 */
export function contactsByBorrower(
  borrowerIds: readonly string[],
  rows: readonly OutboxRow[],
): Map<string, NudgeRow[]> {
  const contactAt = (row: NudgeRow) => (row.status === "sent" ? row.sentAt : row.claimedAt) ?? "";
  const sorted = rows
    .map(nudgeFromRow)
    .filter((row) => row.status === "sent" || mayHaveReachedBorrower(row))
    .sort(byKeyThenId(contactAt));
  return groupById(borrowerIds, sorted, (row) => row.borrowerId);
}

export function nudgeFromRow(row: OutboxRow): NudgeRow {
  return {
    id: row.id,
    dedupeKey: row.dedupeKey,
    borrowerId: row.borrowerId,
    ...(row.loanId ? { loanId: row.loanId } : {}),
    // The column is text; only PlannedNudge (typed) writes it.
    kind: row.kind as NudgeKind,
    channel: row.channel,
    plannedFor: row.plannedFor.toISOString(),
    reasonCodes: row.reasonCodes,
    status: row.status,
    attempts: row.attempts,
    ...(row.providerMessageId !== null ? { providerMessageId: row.providerMessageId } : {}),
    ...(row.claimedBy !== null ? { claimedBy: row.claimedBy } : {}),
    ...(row.claimedUntil ? { claimedUntil: row.claimedUntil.toISOString() } : {}),
    ...(row.claimedAt ? { claimedAt: row.claimedAt.toISOString() } : {}),
    ...(row.sendStartedAt ? { sendStartedAt: row.sendStartedAt.toISOString() } : {}),
    ...(row.lastError !== null ? { lastError: row.lastError } : {}),
    ...(row.sentAt ? { sentAt: row.sentAt.toISOString() } : {}),
  };
}

export function prismaOutbox(prisma: PrismaClient): Outbox {
  async function byDedupeKey(dedupeKey: string) {
    const row = await prisma.nudgeOutbox.findUnique({ where: { dedupeKey } });
    return row ? nudgeFromRow(row) : undefined;
  }

  async function existing(id: string): Promise<OutboxRow> {
    const row = await prisma.nudgeOutbox.findUnique({ where: { id } });
    if (!row) throw notFound("nudge", id);
    return row;
  }

  async function update(
    id: string,
    data: Parameters<PrismaClient["nudgeOutbox"]["update"]>[0]["data"],
  ) {
    try {
      await prisma.nudgeOutbox.update({ where: { id }, data });
    } catch (error) {
      throw isRecordNotFound(error) ? notFound("nudge", id) : error;
    }
  }

  /** Contact rows (see Outbox.contactsSince) of each borrower, oldest first, in one read. */
  async function contactsOf(borrowerIds: readonly string[], since: string) {
    const from = dbInstant(since, "since");
    if (borrowerIds.length === 0) return new Map<string, NudgeRow[]>();
    const rows = await prisma.nudgeOutbox.findMany({
      where: {
        borrowerId: { in: distinctIds(borrowerIds) },
        OR: [
          { status: "sent", sentAt: { gte: from } },
          { status: "claimed", claimedAt: { gte: from } },
          {
            status: "failed",
            claimedAt: { gte: from },
            OR: [{ lastError: LEASE_EXPIRED }, { lastError: { startsWith: UNKNOWN_OUTCOME } }],
          },
        ],
      },
    });
    return contactsByBorrower(borrowerIds, rows);
  }

  const outbox: Outbox = {
    ...outboxQueueReads(prisma, nudgeFromRow),

    async plan(nudge) {
      try {
        // One round trip for a new key: insert, or nothing when the key is taken.
        const [row] = await prisma.nudgeOutbox.createManyAndReturn({
          data: [
            {
              dedupeKey: nudge.dedupeKey,
              borrowerId: nudge.borrowerId,
              loanId: nudge.loanId ?? null,
              kind: nudge.kind,
              channel: nudge.channel,
              plannedFor: dbInstant(nudge.plannedFor, "plannedFor"),
              reasonCodes: [...nudge.reasonCodes],
            },
          ],
          skipDuplicates: true,
        });
        if (row) return { row: nudgeFromRow(row), created: true };
      } catch (error) {
        if (!isForeignKeyViolation(error)) throw error;
        const column = foreignKeyColumn(error, ["loan_id", "borrower_id"]);
        throw column === "loan_id" && nudge.loanId !== undefined
          ? notFound("loan", nudge.loanId)
          : notFound("borrower", nudge.borrowerId);
      }
      // An earlier run or a concurrent planner wrote the key first: its row stands.
      const first = await byDedupeKey(nudge.dedupeKey);
      if (!first)
        throw new Error(`nudge ${nudge.dedupeKey} was skipped as a duplicate but is gone`);
      return { row: first, created: false };
    },

    planMany: (nudges) => planNudges(prisma, nudges, nudgeFromRow, outbox.plan),

    async claimDue(now, worker, leaseUntil, limit) {
      const take = pageLimit(limit);
      if (take === 0) return [];
      const at = dbInstant(now, "now").toISOString();
      const until = dbInstant(leaseUntil, "leaseUntil").toISOString();
      // One statement: rows another dispatcher has locked are skipped, never waited for.
      const claimed = await prisma.$queryRaw<{ id: string }[]>`
        WITH due AS (
          SELECT id FROM nudge_outbox
          WHERE status = 'planned' AND planned_for <= ${at}::timestamptz
          ORDER BY planned_for, borrower_id, id
          LIMIT ${take}
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
        orderBy: [{ plannedFor: "asc" }, { borrowerId: "asc" }, { id: "asc" }],
      });
      return rows.map(nudgeFromRow);
    },

    async markSent(id, providerMessageId, at) {
      await update(id, { status: "sent", providerMessageId, sentAt: dbInstant(at, "at") });
    },

    async markFailed(id, error, at) {
      await update(id, { status: "failed", lastError: error, updatedAt: dbInstant(at, "at") });
    },

    async markSuppressed(id, reasonCodes, at) {
      const row = await existing(id);
      await update(id, {
        status: "suppressed",
        reasonCodes: mergeReasonCodes(row.reasonCodes, reasonCodes),
        updatedAt: dbInstant(at, "at"),
      });
    },

    async reschedule(id, plannedFor, reasonCodes) {
      const row = await existing(id);
      await update(id, {
        status: "planned",
        plannedFor: dbInstant(plannedFor, "plannedFor"),
        reasonCodes: mergeReasonCodes(row.reasonCodes, reasonCodes),
        claimedBy: null,
        claimedUntil: null,
        claimedAt: null,
        sendStartedAt: null,
      });
    },

    ...outboxInFlight(prisma),

    byDedupeKey,

    async sentSince(borrowerId, since) {
      const rows = await prisma.nudgeOutbox.findMany({
        where: { borrowerId, status: "sent", sentAt: { gte: dbInstant(since, "since") } },
        orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      });
      return rows.map(nudgeFromRow);
    },

    async contactsSince(borrowerId, since) {
      return (await contactsOf([borrowerId], since)).get(borrowerId) ?? [];
    },

    contactsSinceFor: contactsOf,

    async holdBorrower(borrowerId, worker, until, now) {
      const heldUntil = dbInstant(until, "until").toISOString();
      const at = dbInstant(now, "now").toISOString();
      try {
        // A concurrent insert of the same borrower waits on the key, then finds it held.
        const taken = await prisma.$queryRaw<{ borrower_id: string }[]>`
          INSERT INTO nudge_borrower_lease (borrower_id, held_by, held_until)
          VALUES (${borrowerId}, ${worker}, ${heldUntil}::timestamptz)
          ON CONFLICT (borrower_id) DO UPDATE
            SET held_by = EXCLUDED.held_by, held_until = EXCLUDED.held_until
            WHERE nudge_borrower_lease.held_until <= ${at}::timestamptz
          RETURNING borrower_id`;
        if (taken.length > 0) return { held: true };
      } catch (error) {
        // Raw SQL reports a dangling key as a generic query error: ask whether it is one.
        const borrower = await prisma.borrower.findUnique({ where: { id: borrowerId } });
        throw borrower ? error : notFound("borrower", borrowerId);
      }
      const current = await prisma.nudgeBorrowerLease.findUnique({ where: { borrowerId } });
      // Released between the two statements: free to take on the next try.
      return { held: false, until: current?.heldUntil.toISOString() ?? now };
    },

    async releaseBorrower(borrowerId, worker) {
      await prisma.nudgeBorrowerLease.deleteMany({ where: { borrowerId, heldBy: worker } });
    },
  };
  return outbox;
}
