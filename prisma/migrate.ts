// Applies prisma/migrations/ to PGlite or PostgreSQL as `prisma migrate deploy` would, and reports status.
import { createHash } from "node:crypto";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { type DatabaseLocation, resolveLocation } from "./database-location.ts";
import { toStorageError } from "./engine/engine-error.ts";
import { type MigrationTarget, migrationAdapterFor } from "./engine/migration-adapter.ts";
import { MIGRATIONS_DIR, NO_FILTER, readMigrations } from "./engine/migration-files.ts";
import { openSchemaEngine } from "./engine/open-schema-engine.ts";
import { openPglite } from "./pglite-folder.ts";
import { StorageErrorCode } from "./storage-error.ts";

export type { MigrationTarget } from "./engine/migration-adapter.ts";

export interface OpenMigrationTarget {
  readonly target: MigrationTarget;
  readonly location: DatabaseLocation;
  /** Closes PGlite and releases its folder (nothing to close for a URL). */
  close(): Promise<void>;
}

/**
 * Opens a location for `migrate` / `migrationStatus`, without a Prisma client. A PGlite folder
 * is locked until `close()`: DATA_DIR_LOCKED if another process has it.
 */
export async function openMigrationTarget(
  location: DatabaseLocation = resolveLocation(),
): Promise<OpenMigrationTarget> {
  if (location.kind === "postgres") {
    return { target: { url: location.url }, location, close: async () => {} };
  }
  const db = await openPglite(location.dataDir);
  return { target: { pglite: db.client }, location, close: () => db.close() };
}

export interface MigrateOptions {
  /** Default: prisma/migrations/. */
  readonly migrationsDir?: string;
}

export interface MigrationStatus {
  /** Applied successfully and not rolled back, oldest first. */
  readonly applied: readonly string[];
  /** In the migrations folder, not applied yet, oldest first. */
  readonly pending: readonly string[];
  /** Started and never finished: `prisma migrate resolve` territory. */
  readonly failed: readonly string[];
  /** Applied, but the file has changed since (its checksum differs). */
  readonly edited: readonly string[];
  /** Nothing pending and nothing failed. */
  readonly upToDate: boolean;
}

/**
 * Applies pending migrations, writing `_prisma_migrations` exactly as `prisma migrate deploy`
 * does; a second call applies nothing. Returns the names it applied, oldest first.
 *
 * @example
 * const { applied } = await migrate({ url: process.env.DATABASE_URL! });
 */
export async function migrate(
  target: MigrationTarget,
  options: MigrateOptions = {},
): Promise<{ readonly applied: readonly string[] }> {
  const migrationsList = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  // The engine connects as it starts: a failure there is the database being unavailable.
  const session = await openSchemaEngine(target).catch((error: unknown) => {
    throw toStorageError(error, StorageErrorCode.DatabaseUnavailable);
  });
  try {
    const { appliedMigrationNames } = await session.engine.applyMigrations({
      migrationsList,
      filters: NO_FILTER,
    });
    return { applied: appliedMigrationNames };
  } catch (error) {
    throw toStorageError(error);
  } finally {
    await session.close();
  }
}

/** Compares the migrations folder with `_prisma_migrations` (no schema engine needed). */
export async function migrationStatus(
  target: MigrationTarget,
  options: MigrateOptions = {},
): Promise<MigrationStatus> {
  const { migrationDirectories } = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  const rows = await withConnection(target, readHistory).catch((error: unknown) => {
    throw toStorageError(error, StorageErrorCode.DatabaseUnavailable);
  });
  const live = rows.filter((row) => !row.rolledBack);
  const applied = live.filter((row) => row.finished);
  const appliedNames = new Set(applied.map((row) => row.name));
  const failed = live.filter((row) => !row.finished).map((row) => row.name);
  const pending = migrationDirectories
    .map((dir) => dir.path)
    .filter((name) => !appliedNames.has(name) && !failed.includes(name));
  const checksums = new Map(
    migrationDirectories.flatMap((dir) =>
      dir.migrationFile.content.tag === "ok"
        ? [[dir.path, checksum(dir.migrationFile.content.value)] as const]
        : [],
    ),
  );
  const edited = applied
    .filter((row) => checksums.has(row.name) && checksums.get(row.name) !== row.checksum)
    .map((row) => row.name);
  return {
    applied: applied.map((row) => row.name),
    pending,
    failed,
    edited,
    upToDate: pending.length === 0 && failed.length === 0,
  };
}

interface HistoryRow {
  readonly name: string;
  readonly checksum: string;
  readonly finished: boolean;
  readonly rolledBack: boolean;
}

async function readHistory(db: SqlDriverAdapter): Promise<HistoryRow[]> {
  const exists = await db.queryRaw({
    sql: "SELECT to_regclass('_prisma_migrations') IS NOT NULL",
    args: [],
    argTypes: [],
  });
  if (exists.rows[0]?.[0] !== true) return [];
  const history = await db.queryRaw({
    sql: `SELECT migration_name, checksum, finished_at IS NOT NULL, rolled_back_at IS NOT NULL
          FROM _prisma_migrations ORDER BY started_at, migration_name`,
    args: [],
    argTypes: [],
  });
  return history.rows.map(([name, sum, finished, rolledBack]) => ({
    name: String(name),
    checksum: String(sum),
    finished: finished === true,
    rolledBack: rolledBack === true,
  }));
}

async function withConnection<T>(
  target: MigrationTarget,
  use: (db: SqlDriverAdapter) => Promise<T>,
): Promise<T> {
  const factory = migrationAdapterFor(target);
  try {
    const db = await factory.connect();
    try {
      return await use(db);
    } finally {
      await db.dispose();
    }
  } finally {
    await factory.dispose();
  }
}

/** The checksum Prisma records for a migration script: SHA-256 of its text, hex. */
function checksum(script: string): string {
  return createHash("sha256").update(script).digest("hex");
}
