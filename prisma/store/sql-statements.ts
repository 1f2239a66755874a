// How the store sends a turn's two statements (the inbound read, the log write): straight to the database's client where one is given, else through Prisma.
//
// Prisma's raw-query pipeline costs 0.4 to 0.6 ms of CPU a statement on top of the PGlite
// client it drives (a balance turn has two). Where `openDatabase` hands the same client to the
// store (`sendStatementsTo`), these statements skip that pipeline; a transaction's client is
// never registered, so inside `store.atomic` they run through Prisma in the transaction.
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

/** Runs one statement built with `Prisma.sql` (its `$n` text and values). */
export interface SqlStatements {
  /** The statement's rows: text, int4 and boolean columns come back as Prisma gives them. */
  rows<T>(statement: Prisma.Sql): Promise<T[]>;
  /** How many rows the statement wrote. */
  execute(statement: Prisma.Sql): Promise<number>;
}

/** A client that runs `$n`-parameter SQL: PGlite, or prisma/pglite-prepared.ts's wrapper. */
export interface SqlClient {
  query<T>(
    text: string,
    values?: unknown[],
  ): Promise<{ readonly rows: T[]; readonly affectedRows?: number }>;
}

const registered = new WeakMap<object, SqlStatements>();

/** The statements of `client`, as the store sends them. */
export function statementsOn(client: SqlClient): SqlStatements {
  return {
    rows: async <T>(statement: Prisma.Sql) =>
      (await client.query<T>(statement.text, statement.values)).rows,
    execute: async (statement) =>
      (await client.query(statement.text, statement.values)).affectedRows ?? 0,
  };
}

/**
 * From now on, a store on `prisma` sends its turn statements through `statements`, which must
 * reach the same database outside any transaction (prisma/database.ts does this on PGlite).
 */
export function sendStatementsTo(prisma: PrismaClient, statements: SqlStatements): void {
  registered.set(prisma, statements);
}

/** What `prisma`'s turn statements go through: the registered client, else Prisma. */
export function sqlStatements(prisma: PrismaClient): SqlStatements {
  return (
    registered.get(prisma) ?? {
      rows: <T>(statement: Prisma.Sql) => prisma.$queryRaw<T[]>(statement),
      execute: (statement) => prisma.$executeRaw(statement),
    }
  );
}
