// AuditLog on Prisma: append-only rows (a trigger refuses UPDATE and DELETE), newest first.

import type { AuditEntry, AuditLog } from "../../core/ports/index.ts";
import { pageLimit, toJsonPayload } from "../../core/store/index.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";

/** The row `entry` is stored as; throws on a bad instant or payload. */
export function auditRow(entry: AuditEntry): Prisma.AuditLogCreateInput {
  return {
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    payload: toJsonPayload(entry.payload) as Prisma.InputJsonObject,
    at: dbInstant(entry.at, "at"),
  };
}

export function prismaAudit(prisma: PrismaClient): AuditLog {
  return {
    async append(entry) {
      await prisma.auditLog.create({ data: auditRow(entry) });
    },

    async forSubject(subject, limit) {
      const take = pageLimit(limit);
      if (take === 0) return [];
      const rows = await prisma.auditLog.findMany({
        where: { subject },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take,
      });
      return rows.map((row) => ({
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        payload: (row.payload ?? {}) as Record<string, unknown>,
        at: row.at.toISOString(),
      }));
    },
  };
}
