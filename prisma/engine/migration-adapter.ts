// Which database the schema engine works on, and the driver adapter factory it reaches it with.
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { pgMigrationAdapter } from "./pg-migration-adapter.ts";
import { pgliteMigrationAdapter } from "./pglite-migration-adapter.ts";

/** An open PGlite (in memory or on a data folder), or a PostgreSQL connection URL. */
export type MigrationTarget = { readonly pglite: PGlite } | { readonly url: string };

/** A migration-aware adapter factory that also releases what it opened. */
export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Closes connections and shadow databases opened through it (engine.free() does not). */
  dispose(): Promise<void>;
}

export function migrationAdapterFor(target: MigrationTarget): MigrationAdapterFactory {
  return "pglite" in target
    ? pgliteMigrationAdapter(target.pglite)
    : pgMigrationAdapter(target.url);
}
