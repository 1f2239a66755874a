// `repay db status|migrate` on a PGlite data folder: what they print and how they exit.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerDbCommands } from "../../bots/cli/db-commands.ts";
import { lockDataDir } from "../../prisma/data-dir-lock.ts";
import { displayPath } from "../../prisma/database-location.ts";
import { readMigrations } from "../../prisma/engine/migration-files.ts";

/** Runs `repay db ...` in this process; returns what it printed and its exit code. */
async function repayDb(...args: string[]) {
  const program = new Command().name("repay").exitOverride();
  registerDbCommands(program);
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line) => lines.push(String(line)));
  const error = vi.spyOn(console, "error").mockImplementation((line) => lines.push(String(line)));
  process.exitCode = undefined;
  try {
    await program.parseAsync(["node", "repay", "db", ...args]);
    return { output: lines.join("\n"), exitCode: process.exitCode ?? 0 };
  } finally {
    process.exitCode = undefined;
    log.mockRestore();
    error.mockRestore();
  }
}

describe("repay db", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "repay-db-commands-"));
  const where = `PGlite at ${displayPath(dataDir)}`;
  const saved = {
    DATABASE_URL: process.env.DATABASE_URL,
    REPAY_DATA_DIR: process.env.REPAY_DATA_DIR,
  };
  let names: string[];

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.REPAY_DATA_DIR = dataDir;
    names = (await readMigrations()).migrationDirectories.map((dir) => dir.path);
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("status lists pending migrations and exits 1", async () => {
    const { output, exitCode } = await repayDb("status");
    expect(output).toContain(where);
    expect(output).toContain(`Pending (${names.length}):\n  ${names.join("\n  ")}`);
    expect(exitCode).toBe(1);
  });

  it("migrate applies them and says which", async () => {
    const { output, exitCode } = await repayDb("migrate");
    expect(output).toBe(
      `${where}: applied ${names.length} migration${names.length === 1 ? "" : "s"}:\n  ${names.join("\n  ")}`,
    );
    expect(exitCode).toBe(0);
  });

  it("migrate again has nothing to do", async () => {
    expect(await repayDb("migrate")).toEqual({
      output: `${where}: no pending migrations.`,
      exitCode: 0,
    });
  });

  it("status then reports up to date and exits 0", async () => {
    const { output, exitCode } = await repayDb("status");
    expect(output).toContain("Pending (0)\nUp to date.");
    expect(exitCode).toBe(0);
  });

  it("exits 2 with the lock's message while another process holds the folder", async () => {
    const lock = lockDataDir(dataDir);
    try {
      const { output, exitCode } = await repayDb("status");
      expect(output).toMatch(/^repay db: .+ \[DATA_DIR_LOCKED\]$/);
      expect(exitCode).toBe(2);
    } finally {
      lock.release();
    }
  });
});
