// The stand-in for Prisma's engine binary: flags, `cli` sub-commands, JSON-RPC, and the stock CLI on top.
import { type ExecFileException, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockDataDir } from "../../prisma/data-dir-lock.ts";
import { locationUrl } from "../../prisma/database-location.ts";
import { NO_FILTER, readMigrations, SCHEMA_PATH } from "../../prisma/engine/migration-files.ts";
import { dropDatabase, withDatabaseName } from "../../prisma/engine/postgres-admin.ts";
import {
  createThrowawayDatabase,
  describeWithPostgres,
  TEST_POSTGRES_URL,
  type ThrowawayDatabase,
} from "../helpers/postgres.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const STAND_IN = join(ROOT, "prisma/engine/schema-engine-stand-in.ts");

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program to completion; a non-zero exit is a result, not an error. */
function run(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      file,
      args,
      { cwd: ROOT, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        done({ code: (error as ExecFileException | null)?.code ?? 0, stdout, stderr } as Run);
      },
    );
  });
}

const standIn = (url: string, ...args: string[]) =>
  run(STAND_IN, ["--datasource", JSON.stringify({ url }), ...args]);

/** The JSON log line after the first (which the CLI skips), as `cli` sub-commands report errors. */
function loggedError(stderr: string) {
  const [, line] = stderr.trim().split("\n");
  return JSON.parse(line ?? "{}").fields as { error_code: string; message: string };
}

describe("the schema engine stand-in", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "repay-stand-in-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("runs as an executable and reports the wasm engine's version", async () => {
    const { code, stdout } = await run(STAND_IN, ["--version"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^schema-engine-cli [0-9a-f]{40}\n$/);
  });

  it("refuses a PGlite folder another process holds, saying who", async () => {
    const lock = lockDataDir(dataDir);
    try {
      const { code, stderr } = await standIn(
        locationUrl({ kind: "pglite", dataDir }),
        "cli",
        "can-connect-to-database",
      );
      expect(code).toBe(1);
      expect(loggedError(stderr)).toEqual({
        error_code: "P1001",
        message: expect.stringContaining(`another repay process (pid ${process.pid})`),
      });
    } finally {
      lock.release();
    }
  });
});

describeWithPostgres("the schema engine stand-in on PostgreSQL", () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    db = await createThrowawayDatabase();
  });
  afterAll(() => db?.drop());

  it("answers P1003 for a missing database, which the CLI then asks it to create", async () => {
    const missing = withDatabaseName(TEST_POSTGRES_URL ?? "", `${db.name}_missing`);
    const before = await standIn(missing, "cli", "can-connect-to-database");
    expect(before.code).toBe(1);
    expect(loggedError(before.stderr).error_code).toBe("P1003");

    expect((await standIn(missing, "cli", "create-database")).code).toBe(0);
    try {
      expect((await standIn(missing, "cli", "can-connect-to-database")).code).toBe(0);
    } finally {
      await dropDatabase(missing);
    }
  });

  it("serves the engine's JSON-RPC, printing a diff through the CLI", async () => {
    const child = spawn(STAND_IN, ["--datasource", JSON.stringify({ url: db.url })], { cwd: ROOT });
    const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => JSON.parse((await replies.next()).value as string);
    const call = (id: number, method: string, params: object) =>
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    const migrationsList = await readMigrations();
    const names = migrationsList.migrationDirectories.map((dir) => dir.path);

    call(1, "applyMigrations", { migrationsList, filters: NO_FILTER });
    expect(await next()).toEqual({
      jsonrpc: "2.0",
      id: 1,
      result: { appliedMigrationNames: names },
    });

    const schema = { path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") };
    call(2, "diff", {
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const print = await next();
    expect(print).toMatchObject({
      method: "print",
      params: { content: expect.stringContaining('CREATE TABLE "loans"') },
    });
    expect(await next()).toMatchObject({ id: 2, result: { exitCode: 0, stdout: null } });

    call(3, "noSuchMethod", {});
    expect(await next()).toMatchObject({ id: 3, error: { code: -32601 } });

    call(4, "markMigrationRolledBack", { migrationName: "never_applied" });
    expect(await next()).toMatchObject({
      id: 4,
      error: { code: 4466, data: { is_panic: false, message: expect.any(String) } },
    });

    child.stdin.end();
    child.kill("SIGTERM"); // as the CLI does right after closing stdin
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("lets the stock Prisma CLI report migration status, offline", async () => {
    const fresh = await createThrowawayDatabase();
    try {
      const prisma = join(ROOT, "node_modules/.bin/prisma");
      const status = await run(prisma, ["migrate", "status"], { DATABASE_URL: fresh.url });
      const directories = (await readMigrations()).migrationDirectories;
      // Prisma says "migration" or "migrations" by count; every directory is listed as pending.
      expect(status.stdout).toMatch(/Following migrations? ha(ve|s) not yet been applied:/);
      for (const directory of directories) expect(status.stdout).toContain(directory.path);
      expect(status.code).toBe(1);
    } finally {
      await fresh.drop();
    }
  });
});
