// A Prisma client that counts the statements it sends: how many round trips a bench's turns cost.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { sendStatementsTo, sqlStatements } from "../../prisma/store/sql-statements.ts";

/**
 * `prisma` with every operation it runs counted (raw statements and the client's own, each
 * counted once; a transaction's statements each count), and the turn statements a store sends
 * past Prisma (prisma/store/sql-statements.ts) counted the same.
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
  }) as unknown as PrismaClient;
  // The direct client, or the plain `prisma` (not the extension): each counted once, here.
  const direct = sqlStatements(prisma);
  sendStatementsTo(counted, {
    rows: (statement) => {
      statements += 1;
      return direct.rows(statement);
    },
    execute: (statement) => {
      statements += 1;
      return direct.execute(statement);
    },
  });
  return { prisma: counted, count: () => statements };
}
