// Opens the product's database: PostgreSQL when DATABASE_URL is set, else embedded PGlite; migrated.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { describeLocation, type LocationOptions, resolveLocation } from "./database-location.ts";
import { migrate, openMigrationTarget } from "./migrate.ts";

export interface OpenDatabaseOptions extends LocationOptions {
  /** Apply pending migrations before returning (default true). */
  readonly migrate?: boolean;
  /** Where DATABASE_URL and REPAY_DATA_DIR are read from. Default: process.env. */
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
  const opened = await openMigrationTarget(location);
  let migrationsApplied: readonly string[] = [];
  try {
    if (options.migrate !== false) migrationsApplied = (await migrate(opened.target)).applied;
  } catch (error) {
    await opened.close();
    throw error;
  }
  const adapter: SqlDriverAdapterFactory =
    "pglite" in opened.target
      ? // pglite-prisma-adapter bundles its own @prisma/driver-adapter-utils (7.2); same shapes.
        (new PrismaPGlite(opened.target.pglite) as unknown as SqlDriverAdapterFactory)
      : new PrismaPg({ connectionString: opened.target.url, options: UTC_SESSION });
  const prisma = new PrismaClient({ adapter });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind: location.kind,
    description: describeLocation(location),
    migrationsApplied,
    close() {
      closing ??= prisma.$disconnect().finally(() => opened.close());
      return closing;
    },
  };
}
