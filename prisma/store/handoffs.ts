// HandoffStore on Prisma: one active handoff per borrower (opens serialise on the borrower row).

import type { Handoff, HandoffStore } from "../../core/ports/index.ts";
import { distinctIds, notFound, pageLimit } from "../../core/store/index.ts";
import type { Handoff as HandoffRow, PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";
import { isForeignKeyViolation, isRecordNotFound } from "./prisma-errors.ts";

const ACTIVE = { in: ["open" as const, "claimed" as const] };

function handoffFromRow(row: HandoffRow): Handoff {
  return {
    id: row.id,
    borrowerId: row.borrowerId,
    ...(row.loanId ? { loanId: row.loanId } : {}),
    status: row.status,
    reason: row.reason,
    ...(row.claimedBy !== null ? { claimedBy: row.claimedBy } : {}),
    ...(row.slackChannel !== null ? { slackChannel: row.slackChannel } : {}),
    ...(row.slackThreadTs !== null ? { slackThreadTs: row.slackThreadTs } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Each borrower's active handoff from active rows newest first, as activeFor gives them. */
export function activeHandoffByBorrower(rows: readonly HandoffRow[]): Map<string, Handoff> {
  const found = new Map<string, Handoff>();
  // Newest first: the first row of a borrower is the one `active` would find.
  for (const row of rows) {
    if (!found.has(row.borrowerId)) found.set(row.borrowerId, handoffFromRow(row));
  }
  return found;
}

export function prismaHandoffs(prisma: PrismaClient): HandoffStore {
  async function active(borrowerId: string) {
    const row = await prisma.handoff.findFirst({
      where: { borrowerId, status: ACTIVE },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    return row ? handoffFromRow(row) : undefined;
  }

  return {
    async open(borrowerId, reason, at, loanId) {
      const createdAt = dbInstant(at, "at");
      try {
        return await prisma.$transaction(async (tx) => {
          // Locking the borrower row makes concurrent opens for one borrower take turns, so
          // the second sees the first's handoff instead of inserting another.
          const locked = await tx.$queryRaw<{ id: string }[]>`
            SELECT id FROM borrowers WHERE id = ${borrowerId} FOR UPDATE`;
          if (locked.length === 0) throw notFound("borrower", borrowerId);
          const current = await tx.handoff.findFirst({
            where: { borrowerId, status: ACTIVE },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          });
          if (current) return { handoff: handoffFromRow(current), created: false };
          const row = await tx.handoff.create({
            data: { borrowerId, loanId: loanId ?? null, reason, createdAt },
          });
          return { handoff: handoffFromRow(row), created: true };
        });
      } catch (error) {
        throw isForeignKeyViolation(error) && loanId !== undefined
          ? notFound("loan", loanId)
          : error;
      }
    },

    async byId(id) {
      const row = await prisma.handoff.findUnique({ where: { id } });
      return row ? handoffFromRow(row) : undefined;
    },

    active,

    async activeFor(borrowerIds) {
      if (borrowerIds.length === 0) return new Map();
      const rows = await prisma.handoff.findMany({
        where: { borrowerId: { in: distinctIds(borrowerIds) }, status: ACTIVE },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
      return activeHandoffByBorrower(rows);
    },

    async claim(id, agent, at) {
      // UPDATE ... WHERE status = 'open': of two agents pressing "claim", one matches.
      const [row] = await prisma.handoff.updateManyAndReturn({
        where: { id, status: "open" },
        data: { status: "claimed", claimedBy: agent, claimedAt: dbInstant(at, "at") },
      });
      return row ? handoffFromRow(row) : undefined;
    },

    async setThread(id, slackChannel, slackThreadTs) {
      try {
        await prisma.handoff.update({ where: { id }, data: { slackChannel, slackThreadTs } });
      } catch (error) {
        throw isRecordNotFound(error) ? notFound("handoff", id) : error;
      }
    },

    async release(id, at) {
      try {
        await prisma.handoff.update({
          where: { id },
          data: { status: "released", releasedAt: dbInstant(at, "at") },
        });
      } catch (error) {
        throw isRecordNotFound(error) ? notFound("handoff", id) : error;
      }
    },

    async byThread(slackChannel, slackThreadTs) {
      const row = await prisma.handoff.findFirst({
        where: { slackChannel, slackThreadTs },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
      return row ? handoffFromRow(row) : undefined;
    },

    async listActive(limit) {
      const take = pageLimit(limit);
      if (take === 0) return [];
      const rows = await prisma.handoff.findMany({
        where: { status: ACTIVE },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take,
      });
      return rows.map(handoffFromRow);
    },
  };
}
