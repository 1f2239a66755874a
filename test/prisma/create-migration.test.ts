// `npm run db:migration`: a new migration from schema changes, generated offline on scratch PGlites.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createMigration } from "../../prisma/engine/create-migration.ts";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../prisma/engine/migration-files.ts";

describe("creating a migration", () => {
  const scratch = mkdtempSync(join(tmpdir(), "repay-create-migration-"));
  const migrationsDir = join(scratch, "migrations");
  cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
  const before = readdirSync(migrationsDir);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("writes nothing when the schema matches the migrations", async () => {
    expect(await createMigration({ name: "nothing", migrationsDir })).toBeUndefined();
    expect(readdirSync(migrationsDir)).toEqual(before);
  });

  it("writes only what changed, leaving hand-written SQL (the audit trigger) alone", async () => {
    const schemaPath = join(scratch, "schema.prisma");
    const schema = readFileSync(SCHEMA_PATH, "utf8");
    const changed = schema.replace(
      /(model Borrower \{\n[^}]*?\n {2}name +String\n)/,
      "$1  nickname String?\n",
    );
    expect(changed).not.toBe(schema);
    writeFileSync(schemaPath, changed);

    const folder = await createMigration({ name: "add nickname", schemaPath, migrationsDir });

    expect(basename(folder ?? "")).toMatch(/^\d{14}_add_nickname$/);
    const sql = readFileSync(join(folder ?? "", "migration.sql"), "utf8");
    expect(sql).toMatch(/ALTER TABLE "borrowers" ADD COLUMN\s+"nickname" TEXT;/);
    expect(sql).not.toMatch(/DROP|TRIGGER|FUNCTION/);
  });
});
