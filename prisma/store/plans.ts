// PlanStore on Prisma: the option as JSON; accepting is one conditional update, so it happens once.

import type { PlanStatus, PlanStore, StoredPlan } from "../../core/ports/index.ts";
import {
  notFound,
  type PlanOptionJson,
  planOptionFromJson,
  planOptionToJson,
} from "../../core/store/index.ts";
import type { Plan as PlanRow, Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";
import { isForeignKeyViolation, isRecordNotFound } from "./prisma-errors.ts";

function planFromRow(row: PlanRow): StoredPlan {
  return {
    id: row.id,
    loanId: row.loanId,
    status: row.status,
    option: planOptionFromJson(row.terms as unknown as PlanOptionJson),
    proposedBy: row.proposedBy,
    proposedAt: row.proposedAt.toISOString(),
    ...(row.acceptedAt ? { acceptedAt: row.acceptedAt.toISOString() } : {}),
  };
}

/** The timestamp column a status change stamps, if any. */
function stamp(status: PlanStatus, at: Date) {
  switch (status) {
    case "accepted":
      return { acceptedAt: at };
    case "broken":
      return { brokenAt: at };
    case "completed":
      return { completedAt: at };
    default:
      return {};
  }
}

export function prismaPlans(prisma: PrismaClient): PlanStore {
  return {
    async propose(loanId, option, proposedBy, at) {
      const terms = planOptionToJson(option) as unknown as Prisma.InputJsonObject;
      try {
        const row = await prisma.plan.create({
          data: {
            loanId,
            kind: option.kind,
            terms,
            proposedBy,
            proposedAt: dbInstant(at, "at"),
          },
        });
        return planFromRow(row);
      } catch (error) {
        throw isForeignKeyViolation(error) ? notFound("loan", loanId) : error;
      }
    },

    async byId(id) {
      const row = await prisma.plan.findUnique({ where: { id } });
      return row ? planFromRow(row) : undefined;
    },

    async accept(id, at) {
      // UPDATE ... WHERE status = 'proposed': of two taps on "confirm", one matches.
      const [row] = await prisma.plan.updateManyAndReturn({
        where: { id, status: "proposed" },
        data: { status: "accepted", acceptedAt: dbInstant(at, "at") },
      });
      return row ? planFromRow(row) : undefined;
    },

    async setStatus(id, status, at) {
      const when = dbInstant(at, "at");
      const current = await prisma.plan.findUnique({ where: { id }, select: { acceptedAt: true } });
      if (!current) throw notFound("plan", id);
      // An accepted plan keeps the moment it was first accepted.
      const stamped = status === "accepted" && current.acceptedAt ? {} : stamp(status, when);
      try {
        await prisma.plan.update({ where: { id }, data: { status, ...stamped } });
      } catch (error) {
        throw isRecordNotFound(error) ? notFound("plan", id) : error;
      }
    },

    async forLoan(loanId) {
      const rows = await prisma.plan.findMany({
        where: { loanId },
        orderBy: [{ proposedAt: "desc" }, { id: "desc" }],
      });
      return rows.map(planFromRow);
    },
  };
}
