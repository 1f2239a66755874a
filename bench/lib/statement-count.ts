// A Prisma client that counts the statements it sends: how many round trips a bench's turns cost.
import type { PrismaClient } from "../../generated/prisma/client.ts";

/**
 * `prisma` with every operation it runs counted (raw statements and the client's own, each
 * counted once; a transaction's statements each count).
 */
export function countedStatements(prisma: PrismaClient): {
  prisma: PrismaClient;
  count: () => number;
} {
  let statements = 0;
  const counted = prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        statements += 1;
        return query(args);
      },
    },
  });
  return { prisma: counted as unknown as PrismaClient, count: () => statements };
}
