// BorrowerStore on Prisma: unique external refs; an upsert writes only when something changed.

import type { BorrowerStore } from "../../core/ports/index.ts";
import {
  borrowerFrom,
  borrowerQuery,
  distinctIds,
  givenFlags,
  notFound,
  pageLimit,
  sameBorrower,
} from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { borrowerFromRow, rowData } from "./borrower-rows.ts";
import { borrowerUpsertMany } from "./borrower-upsert-many.ts";
import { likeLiteral } from "./like-pattern.ts";
import { isRecordNotFound, isUniqueViolation } from "./prisma-errors.ts";

export function prismaBorrowers(prisma: PrismaClient): BorrowerStore {
  const store: BorrowerStore = {
    async upsert(input) {
      // Two importers may create the same ref at once: the loser sees P2002 and compares again.
      for (let attempt = 1; ; attempt += 1) {
        const row = await prisma.borrower.findUnique({ where: { externalRef: input.externalRef } });
        if (!row) {
          try {
            const created = await prisma.borrower.create({
              data: rowData(borrowerFrom("", input)),
            });
            return { borrower: borrowerFromRow(created), change: "created" };
          } catch (error) {
            if (isUniqueViolation(error) && attempt < 3) continue;
            throw error;
          }
        }
        const current = borrowerFromRow(row);
        const next = borrowerFrom(current.id, input, current);
        if (sameBorrower(current, next)) return { borrower: current, change: "unchanged" };
        const updated = await prisma.borrower.update({
          where: { id: row.id },
          data: rowData(next),
        });
        return { borrower: borrowerFromRow(updated), change: "updated", before: current };
      }
    },

    upsertMany: (inputs) => borrowerUpsertMany(prisma, store.upsert)(inputs),

    async byId(id) {
      const row = await prisma.borrower.findUnique({ where: { id } });
      return row ? borrowerFromRow(row) : undefined;
    },

    async byIds(ids) {
      if (ids.length === 0) return new Map();
      const rows = await prisma.borrower.findMany({ where: { id: { in: distinctIds(ids) } } });
      return new Map(rows.map((row) => [row.id, borrowerFromRow(row)]));
    },

    async byRef(externalRef) {
      const row = await prisma.borrower.findUnique({ where: { externalRef } });
      return row ? borrowerFromRow(row) : undefined;
    },

    async search(query, limit) {
      const parsed = borrowerQuery(query);
      const take = pageLimit(limit);
      if (!parsed || take === 0) return [];
      const text = likeLiteral(parsed.text);
      const rows = await prisma.borrower.findMany({
        where: {
          OR: [
            { externalRef: { contains: text, mode: "insensitive" } },
            { name: { contains: text, mode: "insensitive" } },
            ...(parsed.phoneDigits
              ? [{ phone: { endsWith: likeLiteral(parsed.phoneDigits) } }]
              : []),
          ],
        },
        orderBy: [{ externalRef: "asc" }, { id: "asc" }],
        take,
      });
      return rows.map(borrowerFromRow);
    },

    async setFlags(id, flags) {
      try {
        const row = await prisma.borrower.update({ where: { id }, data: givenFlags(flags) });
        return borrowerFromRow(row);
      } catch (error) {
        throw isRecordNotFound(error) ? notFound("borrower", id) : error;
      }
    },
  };
  return store;
}
