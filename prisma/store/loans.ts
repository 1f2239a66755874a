// LoanStore on Prisma: upsert by external ref, the contractual schedule stored with the loan.

import type { LoanStore, StoredLoan } from "../../core/ports/index.ts";
import { generateSchedule } from "../../core/schedule/index.ts";
import {
  canonicalLoanInput,
  distinctIds,
  nextNudgesById,
  notFound,
  pageLimit,
  sameLoan,
  sameTerms,
} from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { readBorrowerLoans } from "./borrower-loans-read.ts";
import { arrayLiteral, chunks } from "./bulk-insert.ts";
import { readDueForNudge } from "./due-for-nudge-read.ts";
import { dbInstant } from "./instants.ts";
import { installmentRows, loanColumns, loanFromRow, WITH_SCHEDULE } from "./loan-rows.ts";
import { loanUpsertMany } from "./loan-upsert-many.ts";
import { isForeignKeyViolation, isRecordNotFound, isUniqueViolation } from "./prisma-errors.ts";

export function prismaLoans(prisma: PrismaClient): LoanStore {
  async function byRef(externalRef: string) {
    const row = await prisma.loan.findUnique({ where: { externalRef }, include: WITH_SCHEDULE });
    return row ? loanFromRow(row) : undefined;
  }

  const store: LoanStore = {
    async upsert(input) {
      const next = canonicalLoanInput(input);
      for (let attempt = 1; ; attempt += 1) {
        const current = await byRef(next.externalRef);
        if (!current) {
          const schedule = generateSchedule(next.terms);
          try {
            const row = await prisma.loan.create({
              data: {
                ...loanColumns(next),
                status: next.status ?? "active",
                installments: { create: installmentRows(schedule) },
              },
              include: WITH_SCHEDULE,
            });
            return { loan: loanFromRow(row), change: "created" };
          } catch (error) {
            if (isUniqueViolation(error) && attempt < 3) continue;
            throw isForeignKeyViolation(error) ? notFound("borrower", next.borrowerId) : error;
          }
        }
        if (sameLoan(current, next)) return { loan: current, change: "unchanged" };
        const newTerms = !sameTerms(current.terms, next.terms);
        try {
          const row = await prisma.loan.update({
            where: { id: current.id },
            data: {
              ...loanColumns(next),
              ...(next.status ? { status: next.status } : {}),
              ...(newTerms
                ? {
                    installments: {
                      deleteMany: {},
                      create: installmentRows(generateSchedule(next.terms)),
                    },
                  }
                : {}),
            },
            include: WITH_SCHEDULE,
          });
          return { loan: loanFromRow(row), change: "updated" };
        } catch (error) {
          throw isForeignKeyViolation(error) ? notFound("borrower", next.borrowerId) : error;
        }
      }
    },

    upsertMany: (inputs) => loanUpsertMany(prisma, store.upsert)(inputs),

    async byId(id) {
      const row = await prisma.loan.findUnique({ where: { id }, include: WITH_SCHEDULE });
      return row ? loanFromRow(row) : undefined;
    },

    byRef,

    async byRefs(externalRefs) {
      const found = new Map<string, StoredLoan>();
      for (const refs of chunks(distinctIds(externalRefs))) {
        const rows = await prisma.loan.findMany({
          where: { externalRef: { in: refs } },
          include: WITH_SCHEDULE,
        });
        for (const row of rows) found.set(row.externalRef, loanFromRow(row));
      }
      return found;
    },

    async borrowerIdsByRef(externalRefs) {
      const found = new Map<string, string>();
      for (const refs of chunks(externalRefs)) {
        const rows = await prisma.loan.findMany({
          where: { externalRef: { in: refs } },
          select: { externalRef: true, borrowerId: true },
        });
        for (const row of rows) found.set(row.externalRef, row.borrowerId);
      }
      return found;
    },

    async forBorrower(borrowerId) {
      const rows = await prisma.loan.findMany({
        where: { borrowerId },
        include: WITH_SCHEDULE,
        orderBy: [{ externalRef: "asc" }, { id: "asc" }],
      });
      return rows.map(loanFromRow);
    },

    forBorrowerWithTransactions: (borrowerId, status) =>
      readBorrowerLoans(prisma, borrowerId, status),

    async setStatus(id, status) {
      try {
        await prisma.loan.update({ where: { id }, data: { status } });
      } catch (error) {
        throw isRecordNotFound(error) ? notFound("loan", id) : error;
      }
    },

    async setNextNudgeAt(id, at) {
      const nextNudgeAt = at === undefined ? null : dbInstant(at, "nextNudgeAt");
      try {
        await prisma.loan.update({ where: { id }, data: { nextNudgeAt } });
      } catch (error) {
        throw isRecordNotFound(error) ? notFound("loan", id) : error;
      }
    },

    async setNextNudgeAtMany(entries) {
      const next = [...nextNudgesById(entries)];
      let updated = 0;
      // One UPDATE ... FROM unnest per chunk; Prisma's updateMany sets one value for all rows.
      for (const chunk of chunks(next)) {
        updated += await prisma.$executeRawUnsafe(
          `UPDATE loans AS l
           SET next_nudge_at = u.at::timestamptz, updated_at = CURRENT_TIMESTAMP
           FROM unnest($1::text[], $2::text[]) AS u(id, at)
           WHERE l.id = u.id`,
          arrayLiteral(chunk.map(([id]) => id)),
          arrayLiteral(chunk.map(([, at]) => at ?? null)),
        );
      }
      return updated;
    },

    async withoutNextNudge(limit) {
      const take = pageLimit(limit);
      if (take === 0) return [];
      const rows = await prisma.loan.findMany({
        where: { status: "active", nextNudgeAt: null },
        select: { id: true },
        orderBy: { id: "asc" },
        take,
      });
      return rows.map((row) => row.id);
    },

    async listActive(limit, afterId) {
      const take = pageLimit(limit);
      if (take === 0) return [];
      const rows = await prisma.loan.findMany({
        where: { status: "active", ...(afterId !== undefined ? { id: { gt: afterId } } : {}) },
        include: WITH_SCHEDULE,
        orderBy: { id: "asc" },
        take,
      });
      return rows.map(loanFromRow);
    },

    async dueForNudge(now, limit, after) {
      const take = pageLimit(limit);
      if (take === 0) return [];
      const cursor = after && { at: dbInstant(after.at, "after.at"), id: after.id };
      return readDueForNudge(prisma, dbInstant(now, "now"), take, cursor);
    },
  };
  return store;
}
