// Which database the schema engine works on, and the adapter factory shape every target gives.
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/** An open PGlite (in memory or on a data folder), or a PostgreSQL connection URL. */
export type MigrationTarget = { readonly pglite: PGlite } | { readonly url: string };

/** A migration-aware adapter factory that also releases what it opened. */
export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Closes connections and shadow databases opened through it (engine.free() does not). */
  dispose(): Promise<void>;
}
