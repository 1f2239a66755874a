// Public API of prisma: open the database (PGlite or PostgreSQL), where it lives, and its migrations.

export { type Database, openDatabase } from "./database.ts";
export { describeLocation } from "./database-location.ts";
export {
  type MigrationStatus,
  type MigrationTarget,
  migrate,
  migrationStatus,
  openMigrationTarget,
} from "./migrate.ts";
