// ContactControls on Prisma: opt-outs per channel, pauses and promises to pay.

import { money } from "../../core/money/index.ts";
import type {
  Channel,
  ContactControls,
  Pause,
  PauseReason,
  PromiseToPay,
} from "../../core/ports/index.ts";
import { distinctIds, groupById, notFound, pageLimit } from "../../core/store/index.ts";
import type {
  OptOut as OptOutRow,
  Pause as PauseRow,
  Prisma,
  PrismaClient,
  PromiseToPay as PromiseRow,
} from "../../generated/prisma/client.ts";
import { fromDbDate, toDbDate } from "../calendar-date.ts";
import { dbInstant } from "./instants.ts";
import { foreignKeyColumn, isForeignKeyViolation, isRecordNotFound } from "./prisma-errors.ts";

/** The columns a Pause is read from, by the client or by raw SQL. */
export type PauseColumns = Pick<
  PauseRow,
  "id" | "borrowerId" | "loanId" | "reason" | "until" | "createdBy"
>;

export function pauseFromRow(row: PauseColumns): Pause {
  return {
    id: row.id,
    borrowerId: row.borrowerId,
    ...(row.loanId ? { loanId: row.loanId } : {}),
    reason: row.reason as PauseReason,
    ...(row.until ? { until: row.until.toISOString() } : {}),
    createdBy: row.createdBy,
  };
}

/** Opt-out rows of many borrowers, as optedOutChannelsFor gives them. */
export function optedOutByBorrower(
  borrowerIds: readonly string[],
  rows: readonly Pick<OptOutRow, "borrowerId" | "channel">[],
): Map<string, Channel[]> {
  const groups = groupById(borrowerIds, rows, (row) => row.borrowerId);
  return new Map([...groups].map(([id, group]) => [id, group.map((row) => row.channel).sort()]));
}

/** Active pause rows of many borrowers by id, as activePausesFor gives them. */
export function pausesByBorrower(
  borrowerIds: readonly string[],
  rows: readonly PauseColumns[],
): Map<string, Pause[]> {
  return groupById(borrowerIds, rows.map(pauseFromRow), (pause) => pause.borrowerId);
}

export function promiseFromRow(row: PromiseRow): PromiseToPay {
  return {
    id: row.id,
    borrowerId: row.borrowerId,
    loanId: row.loanId,
    amount: money(row.amountMinor, row.currency),
    promisedFor: fromDbDate(row.promisedFor),
    status: row.status,
  };
}

/** By promised date, then id. */
const PROMISE_ORDER: Prisma.PromiseToPayOrderByWithRelationInput[] = [
  { promisedFor: "asc" },
  { id: "asc" },
];

/** Pauses neither lifted nor expired at `at`. */
function activeAt(at: Date) {
  return {
    AND: [
      { OR: [{ liftedAt: null }, { liftedAt: { gt: at } }] },
      { OR: [{ until: null }, { until: { gt: at } }] },
    ],
  };
}

/** NOT_FOUND for whichever of the borrower or loan a foreign key found missing. */
function missingParent(error: unknown, borrowerId: string, loanId?: string): unknown {
  if (!isForeignKeyViolation(error)) return error;
  const column = foreignKeyColumn(error, ["loan_id", "borrower_id"]);
  return column === "loan_id" && loanId !== undefined
    ? notFound("loan", loanId)
    : notFound("borrower", borrowerId);
}

export function prismaContactControls(prisma: PrismaClient): ContactControls {
  return {
    async optOut(borrowerId, channel, at) {
      try {
        // Saying STOP twice keeps the first opt-out: ON CONFLICT DO NOTHING.
        await prisma.optOut.createMany({
          data: [{ borrowerId, channel, at: dbInstant(at, "at") }],
          skipDuplicates: true,
        });
      } catch (error) {
        throw missingParent(error, borrowerId);
      }
    },

    async optIn(borrowerId, channel) {
      await prisma.optOut.deleteMany({ where: { borrowerId, channel } });
    },

    async optedOutChannels(borrowerId) {
      const rows = await prisma.optOut.findMany({
        where: { borrowerId },
        select: { channel: true },
      });
      return rows.map((row) => row.channel).sort();
    },

    async optedOutChannelsFor(borrowerIds) {
      if (borrowerIds.length === 0) return new Map();
      const rows = await prisma.optOut.findMany({
        where: { borrowerId: { in: distinctIds(borrowerIds) } },
        select: { borrowerId: true, channel: true },
      });
      return optedOutByBorrower(borrowerIds, rows);
    },

    async pause(input) {
      try {
        const row = await prisma.pause.create({
          data: {
            borrowerId: input.borrowerId,
            loanId: input.loanId ?? null,
            reason: input.reason,
            until: input.until === undefined ? null : dbInstant(input.until, "until"),
            createdBy: input.createdBy,
          },
        });
        return pauseFromRow(row);
      } catch (error) {
        throw missingParent(error, input.borrowerId, input.loanId);
      }
    },

    async liftPause(id, at) {
      const { count } = await prisma.pause.updateMany({
        where: { id, liftedAt: null },
        data: { liftedAt: dbInstant(at, "at") },
      });
      if (
        count === 0 &&
        !(await prisma.pause.findUnique({ where: { id }, select: { id: true } }))
      ) {
        throw notFound("pause", id);
      }
    },

    async activePauses(borrowerId, now) {
      // Raw SQL, as activeAt reads: every inbound message asks (liftUnreachable), so it is cheap.
      const at = dbInstant(now, "now").toISOString();
      const rows = await prisma.$queryRaw<PauseColumns[]>`
        SELECT id, borrower_id AS "borrowerId", loan_id AS "loanId", reason, until,
               created_by AS "createdBy"
        FROM pauses
        WHERE borrower_id = ${borrowerId}
          AND (lifted_at IS NULL OR lifted_at > ${at}::timestamptz)
          AND (until IS NULL OR until > ${at}::timestamptz)
        ORDER BY id`;
      return rows.map(pauseFromRow);
    },

    async activePausesFor(borrowerIds, now) {
      const at = dbInstant(now, "now");
      if (borrowerIds.length === 0) return new Map();
      const rows = await prisma.pause.findMany({
        where: { borrowerId: { in: distinctIds(borrowerIds) }, ...activeAt(at) },
        orderBy: { id: "asc" },
      });
      return pausesByBorrower(borrowerIds, rows);
    },

    async promise(input) {
      try {
        const row = await prisma.promiseToPay.create({
          data: {
            borrowerId: input.borrowerId,
            loanId: input.loanId,
            amountMinor: input.amount.minor,
            currency: input.amount.currency,
            promisedFor: toDbDate(input.promisedFor),
          },
        });
        return promiseFromRow(row);
      } catch (error) {
        throw missingParent(error, input.borrowerId, input.loanId);
      }
    },

    async setPromiseStatus(id, status, at) {
      const resolvedAt = status === "open" ? null : dbInstant(at, "at");
      try {
        await prisma.promiseToPay.update({ where: { id }, data: { status, resolvedAt } });
      } catch (error) {
        throw isRecordNotFound(error) ? notFound("promise", id) : error;
      }
    },

    async promises(borrowerId) {
      const rows = await prisma.promiseToPay.findMany({
        where: { borrowerId },
        orderBy: PROMISE_ORDER,
      });
      return rows.map(promiseFromRow);
    },

    async promisesFor(borrowerIds) {
      if (borrowerIds.length === 0) return new Map();
      const rows = await prisma.promiseToPay.findMany({
        where: { borrowerId: { in: distinctIds(borrowerIds) } },
        orderBy: PROMISE_ORDER,
      });
      return groupById(borrowerIds, rows.map(promiseFromRow), (promise) => promise.borrowerId);
    },

    async brokenPromises(limit) {
      const take = pageLimit(limit);
      if (take === 0) return [];
      const rows = await prisma.promiseToPay.findMany({
        where: { status: "broken" },
        orderBy: [{ promisedFor: "desc" }, { id: "desc" }],
        take,
      });
      return rows.map(promiseFromRow);
    },
  };
}
