// `repay` on errors a new user meets: exit non-zero, one stderr line that says what to do.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type HeldDataDir, holdDataDir } from "../helpers/hold-data-dir.ts";
import { repay } from "./run-repay.ts";

let dir: string;

let holder: HeldDataDir;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "repay-cli-errors-"));
  // A data folder held by another live process: as if `npm start` were running.
  holder = await holdDataDir(join(dir, "data"));
  process.env.REPAY_DATA_DIR = join(dir, "data");
  writeFileSync(join(dir, "book.csv"), 'borrower_ref,borrower_name\n"B-1,Ana\n');
});

afterAll(async () => {
  await holder?.release();
  delete process.env.REPAY_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
});

/** The one stderr line, after checking there is exactly one and no stack frame. */
function oneLine(stderr: string): string {
  const lines = stderr.split("\n");
  expect(lines, stderr).toHaveLength(2);
  expect(lines[1]).toBe("");
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0] as string;
}

describe("repay on a new user's errors", () => {
  test("Should refuse a locked data folder with one line naming the way out", async () => {
    const { code, stdout, stderr } = await repay(["db", "status"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(oneLine(stderr)).toMatch(
      /^repay db: another repay process \(pid \d+\) is using .*data: stop it, use the running product's HTTP API, or set DATABASE_URL to a PostgreSQL server \[DATA_DIR_LOCKED\]$/,
    );
  }, 60_000);

  test("Should name the CSV line and how to fix its quoting", async () => {
    const { code, stderr } = await repay(["import", "loans", join(dir, "book.csv")]);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toMatch(
      /^error: .*book\.csv: line \d+: .*: put a field holding a comma, quote or line break in double quotes/,
    );
  }, 60_000);

  test("Should tell a simulator user who pipes JSON lines that it reads one JSON object", async () => {
    const { code, stdout, stderr } = await repay(["simulate"], '{"days":1}\n{"days":2}\n');
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(oneLine(stderr)).toBe(
      "error: standard input holds 2 lines of JSON; this command reads one JSON object (its fields are in --help)",
    );
  }, 60_000);
});
