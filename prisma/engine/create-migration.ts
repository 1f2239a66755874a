// `npm run db:migration -- --name add_x`: writes prisma/migrations/<timestamp>_add_x/ from schema changes.
//
// Works offline and touches no real database: the migration history is replayed into a scratch
// in-memory PGlite, which the engine then diffs against prisma/schema.prisma (with a second
// in-memory PGlite as its shadow database). Review the SQL, then commit the folder. The product
// applies it at its next start (`openDatabase`), or run `repay db migrate`.
// `--empty` writes an empty migration for hand-written SQL (data fixes, triggers).
// The stock `npx prisma migrate dev --create-only --name x` works too, against your own database.
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { openPglite } from "../pglite-folder.ts";
import { engineErrorMessage } from "./engine-error.ts";
import {
  MIGRATIONS_DIR,
  NO_FILTER,
  readMigrations,
  SCHEMA_PATH,
  writeMigration,
} from "./migration-files.ts";
import { openSchemaEngine } from "./open-schema-engine.ts";

export interface CreateMigrationOptions {
  readonly name: string;
  /** Write the migration even when the schema has not changed (for hand-written SQL). */
  readonly empty?: boolean;
  readonly schemaPath?: string;
  readonly migrationsDir?: string;
}

/** Returns the new migration's folder, or undefined when the schema has no changes. */
export async function createMigration(
  options: CreateMigrationOptions,
): Promise<string | undefined> {
  const migrationName = migrationSlug(options.name);
  if (migrationName === "") throw new Error("A migration needs a name with letters or digits.");
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const schema = { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
  const migrationsList = await readMigrations(migrationsDir);
  const scratch = await openPglite();
  try {
    const session = await openSchemaEngine(
      { pglite: scratch.client },
      { schemaFiles: schema.files },
    );
    try {
      const { engine } = session;
      await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      // The wasm engine gets its shadow database from devDiagnostic: createMigration needs it.
      await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
      const created = await engine.createMigration({
        draft: options.empty ?? false,
        migrationName,
        migrationsList,
        schema,
        filters: NO_FILTER,
      });
      if (created.migrationScript === null) return undefined;
      return await writeMigration(migrationsDir, {
        ...created,
        migrationScript: created.migrationScript,
      });
    } finally {
      await session.close();
    }
  } finally {
    await scratch.close();
  }
}

/** "Add nickname" / "addNickname" -> "add_nickname", as `prisma migrate dev --name` names folders. */
export function migrationSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { name: { type: "string", short: "n" }, empty: { type: "boolean" } },
  });
  if (!values.name || migrationSlug(values.name) === "") {
    console.error("usage: npm run db:migration -- --name <what_changed> [--empty]");
    process.exitCode = 2;
    return;
  }
  try {
    const folder = await createMigration({ name: values.name, empty: values.empty });
    console.log(
      folder === undefined
        ? "The schema has no changes since the last migration: nothing written."
        : `Wrote ${relative(process.cwd(), folder)}/migration.sql: review it, then commit it.`,
    );
  } catch (error) {
    console.error(engineErrorMessage(error));
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
