// Opens the product's database: PostgreSQL when DATABASE_URL is set, else embedded PGlite; migrated.
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { describeLocation, type LocationOptions, resolveLocation } from "./database-location.ts";
import { migrate, openMigrationTarget } from "./migrate.ts";
import { preparedStatements } from "./pglite-prepared.ts";
import { keepStatistics } from "./pglite-statistics.ts";
import { StorageError, StorageErrorCode } from "./storage-error.ts";
import { sendStatementsTo, statementsOn } from "./store/sql-statements.ts";

export interface OpenDatabaseOptions extends LocationOptions {
  /** Apply pending migrations before returning (default true). */
  readonly migrate?: boolean;
  /** PGlite: how often its statistics are checked while open (default STATISTICS_CHECK_MS). */
  readonly statisticsCheckMs?: number;
  /** Where DATABASE_URL, DATABASE_POOL_SIZE and REPAY_DATA_DIR are read from. Default: process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: "pglite" | "postgres";
  /** For messages: "PGlite at ./data", "PostgreSQL at postgresql://db:5432/repay". */
  readonly description: string;
  /** Migrations this open applied, oldest first. */
  readonly migrationsApplied: readonly string[];
  /** Disconnects, closes PGlite (flushing it) and releases its folder. Safe to call twice. */
  close(): Promise<void>;
}

/** Connections one process's pool opens at most on PostgreSQL when DATABASE_POOL_SIZE is unset (pg's own default). */
export const DEFAULT_POOL_SIZE = 10;

/**
 * DATABASE_POOL_SIZE: how many connections this process may hold. Many processes on one server
 * add up (each dispatcher also holds the queue's): a smaller pool keeps them under the server's
 * max_connections.
 */
export function poolSize(env: Readonly<Record<string, string | undefined>>): number {
  const text = env.DATABASE_POOL_SIZE?.trim();
  if (!text) return DEFAULT_POOL_SIZE;
  const size = Number(text);
  if (!/^\d+$/.test(text) || size < 1 || size > 1000) {
    throw new StorageError(
      StorageErrorCode.InvalidPoolSize,
      `DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "${text}"`,
      { value: text },
    );
  }
  return size;
}

/** Sessions run in UTC: the driver adapters send and read instants as UTC wall-clock text. */
const UTC_SESSION = "-c TimeZone=UTC";

/**
 * Opens the database the environment names, applying pending migrations first.
 * Order: `memory` > `url` > `dataDir` > env DATABASE_URL > env REPAY_DATA_DIR > ./data.
 * A PGlite folder admits one process: a second gets DATA_DIR_LOCKED.
 *
 * @example
 * const db = await openDatabase();            // ./data, or DATABASE_URL
 * const test = await openDatabase({ memory: true });
 * try { await db.prisma.borrower.count() } finally { await db.close() }
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const location = resolveLocation(options, options.env);
  const max = poolSize(options.env ?? process.env);
  const opened = await openMigrationTarget(location);
  let migrationsApplied: readonly string[] = [];
  try {
    if (options.migrate !== false) migrationsApplied = (await migrate(opened.target)).applied;
  } catch (error) {
    await opened.close();
    throw error;
  }
  // PGlite's statements go through preparedStatements: each SQL text planned once a session.
  const target = opened.target;
  const prepared = "pglite" in target ? preparedStatements(target.pglite) : undefined;
  const adapter: SqlDriverAdapterFactory =
    "pglite" in target
      ? // pglite-prisma-adapter bundles its own @prisma/driver-adapter-utils (7.2); same shapes.
        (new PrismaPGlite(prepared as unknown as PGlite) as unknown as SqlDriverAdapterFactory)
      : new PrismaPg({ connectionString: target.url, options: UTC_SESSION, max });
  const prisma = new PrismaClient({ adapter });
  // A turn's two statements skip Prisma's raw-query pipeline on PGlite (0.4-0.6 ms each).
  if (prepared) sendStatementsTo(prisma, statementsOn(prepared));
  // PostgreSQL's autovacuum keeps a server's statistics; PGlite's are kept here.
  const stopStatistics =
    "pglite" in opened.target && options.migrate !== false
      ? await keepStatistics(
          opened.target.pglite,
          (error) => process.emitWarning(`PGlite statistics not refreshed: ${String(error)}`),
          options.statisticsCheckMs,
        )
      : () => {};
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind: location.kind,
    description: describeLocation(location),
    migrationsApplied,
    close() {
      stopStatistics();
      closing ??= prisma.$disconnect().finally(() => opened.close());
      return closing;
    },
  };
}
