// LinkCodeStore on Prisma: a conditional update consumes a code, so only one caller wins it.

import type { LinkCodeStore } from "../../core/ports/index.ts";
import { conflict, notFound } from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";
import { isForeignKeyViolation, isUniqueViolation } from "./prisma-errors.ts";

export function prismaLinkCodes(prisma: PrismaClient): LinkCodeStore {
  return {
    async issue(borrowerId, codeHash, expiresAt) {
      try {
        await prisma.linkCode.create({
          data: { borrowerId, codeHash, expiresAt: dbInstant(expiresAt, "expiresAt") },
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict("link code", "codeHash");
        throw isForeignKeyViolation(error) ? notFound("borrower", borrowerId) : error;
      }
    },

    async consume(codeHash, now) {
      const at = dbInstant(now, "now");
      // One UPDATE ... WHERE used_at IS NULL: of concurrent callers, one sees the row unused.
      const [used] = await prisma.linkCode.updateManyAndReturn({
        where: { codeHash, usedAt: null, expiresAt: { gt: at } },
        data: { usedAt: at },
        select: { borrowerId: true },
      });
      return used?.borrowerId;
    },
  };
}
