// What applying prisma/migrations/ must do on every backend; run by the PGlite and PostgreSQL suites.
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, readMigrations } from "../../prisma/engine/migration-files.ts";
import { type MigrationTarget, migrate, migrationStatus } from "../../prisma/migrate.ts";

export interface MigrationBackend {
  readonly target: MigrationTarget;
  /** Runs SQL outside Prisma, for checking what the migrations left behind. */
  sql(text: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** The tables prisma/schema.prisma maps its models to. */
export const SCHEMA_TABLES = [
  "audit_log",
  "borrowers",
  "channel_identities",
  "consent_events",
  "contact_points",
  "conversation_messages",
  "handoffs",
  "installments",
  "link_codes",
  "loan_positions",
  "loans",
  "nudge_borrower_lease",
  "nudge_decisions",
  "nudge_outbox",
  "opt_outs",
  "pauses",
  "payment_days",
  "period_claims",
  "plans",
  "portfolio_dates",
  "portfolio_days",
  "portfolio_rolls",
  "position_changes",
  "promises_to_pay",
  "transactions",
];

export function migrationContract(
  backend: string,
  open: () => Promise<MigrationBackend>,
  describeSuite: (name: string, suite: () => void) => void = describe,
): void {
  describeSuite(`migrations on ${backend}`, () => {
    let db: MigrationBackend;
    let names: string[];
    let scratch: string;

    beforeAll(async () => {
      scratch = mkdtempSync(join(tmpdir(), "repay-migrations-"));
      db = await open();
      names = (await readMigrations()).migrationDirectories.map((dir) => dir.path);
    });
    afterAll(async () => {
      await db?.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    /** A copy of prisma/migrations/ that a test may change. */
    function migrationsCopy(label: string): string {
      const dir = join(scratch, label);
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      return dir;
    }

    it("reports every migration pending on an empty database", async () => {
      expect(names.length).toBeGreaterThan(0);
      const status = await migrationStatus(db.target);
      expect(status).toEqual({
        applied: [],
        pending: names,
        failed: [],
        edited: [],
        upToDate: false,
      });
    });

    it("applies the pending migrations and records them as `prisma migrate deploy` does", async () => {
      expect(await migrate(db.target)).toEqual({ applied: names });
      const rows = await db.sql(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count
         FROM _prisma_migrations ORDER BY started_at`,
      );
      const { migrationDirectories } = await readMigrations();
      expect(rows).toEqual(
        migrationDirectories.map((dir) => ({
          migration_name: dir.path,
          checksum: sha256(dir.migrationFile.content.value),
          finished_at: expect.any(Date),
          rolled_back_at: null,
          logs: null,
          applied_steps_count: 1,
        })),
      );
    });

    it("applies nothing the second time", async () => {
      expect(await migrate(db.target)).toEqual({ applied: [] });
    });

    it("reports nothing pending afterwards", async () => {
      const status = await migrationStatus(db.target);
      expect(status).toEqual({
        applied: names,
        pending: [],
        failed: [],
        edited: [],
        upToDate: true,
      });
    });

    it("creates a table for every model", async () => {
      const rows = await db.sql(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
      );
      expect(rows.map((row) => row.table_name)).toEqual(SCHEMA_TABLES);
    });

    it("keeps the audit log append-only", async () => {
      await db.sql(
        `INSERT INTO audit_log (actor, action, subject) VALUES ('cli', 'test.ran', 'test:1')`,
      );
      await expect(db.sql(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(db.sql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      expect(await db.sql(`SELECT actor FROM audit_log`)).toEqual([{ actor: "cli" }]);
    });

    it("keeps consent events append-only", async () => {
      await db.sql(
        `INSERT INTO borrowers (id, external_ref, name, updated_at) VALUES ('b1', 'B-1', 'Ann', now())`,
      );
      await db.sql(
        `INSERT INTO consent_events (id, borrower_id, channel, kind, source, at)
         VALUES ('c1', 'b1', 'sms', 'opt_in', 'import', now())`,
      );
      await expect(db.sql(`UPDATE consent_events SET source = 'forged'`)).rejects.toThrow(
        /append-only/,
      );
      expect(await db.sql(`SELECT source FROM consent_events`)).toEqual([{ source: "import" }]);
      await db.sql(`DELETE FROM borrowers WHERE id = 'b1'`);
      expect(await db.sql(`SELECT count(*)::int AS n FROM consent_events`)).toEqual([{ n: 0 }]);
    });

    it("reports a migration whose file changed after it was applied", async () => {
      const dir = migrationsCopy("edited");
      appendFileSync(join(dir, names[0]!, "migration.sql"), "\n-- an afterthought\n");
      const status = await migrationStatus(db.target, { migrationsDir: dir });
      expect(status.edited).toEqual([names[0]]);
      expect(status.upToDate).toBe(true);
    });

    it("records a failing migration as failed, undoes its partial work and refuses to go on", async () => {
      const dir = migrationsCopy("failing");
      const failing = "29991231000000_failing";
      mkdirSync(join(dir, failing));
      writeFileSync(
        join(dir, failing, "migration.sql"),
        `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT 1 / 0;\n`,
      );

      await expect(migrate(db.target, { migrationsDir: dir })).rejects.toMatchObject({
        code: "MIGRATION_FAILED",
        message: expect.stringContaining("division by zero"),
      });
      expect(await migrationStatus(db.target, { migrationsDir: dir })).toMatchObject({
        applied: names,
        failed: [failing],
        upToDate: false,
      });
      const leftovers = await db.sql(`SELECT to_regclass('half_done') IS NULL AS gone`);
      expect(leftovers).toEqual([{ gone: true }]);
      await expect(migrate(db.target, { migrationsDir: dir })).rejects.toMatchObject({
        code: "MIGRATION_FAILED",
        details: expect.objectContaining({ prismaCode: "P3009" }),
      });
    });
  });
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
