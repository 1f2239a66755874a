// The driver adapter factory the schema engine reaches a database with: PGlite or PostgreSQL.
import type { MigrationAdapterFactory, MigrationTarget } from "./migration-target.ts";
import { pgMigrationAdapter } from "./pg-migration-adapter.ts";
import { pgliteMigrationAdapter } from "./pglite-migration-adapter.ts";

export type { MigrationAdapterFactory, MigrationTarget } from "./migration-target.ts";

export function migrationAdapterFor(target: MigrationTarget): MigrationAdapterFactory {
  return "pglite" in target
    ? pgliteMigrationAdapter(target.pglite)
    : pgMigrationAdapter(target.url);
}
