// core/ stays pure: no I/O, no SDKs, nothing of ours from outside core/ (also a Biome rule).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const FORBIDDEN =
  /from\s+["'](node:)?(fs|http|https|net|child_process|dgram|worker_threads)(\/[^"']*)?["']|from\s+["'](grammy|@grammyjs\/.*|@slack\/.*|openai|pg|@electric-sql\/.*|@prisma\/.*|hono|bullmq|ioredis)["']|from\s+["'](\.\.\/)+(bots|prisma|prompts|generated)\//;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("core purity", () => {
  it("no file in core/ imports I/O, an SDK or an edge module", () => {
    const offenders = tsFiles(join(ROOT, "core")).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => FORBIDDEN.test(line))
        .map((line) => `${relative(ROOT, file)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the pattern catches the imports it is meant to catch", () => {
    expect(FORBIDDEN.test('import { readFileSync } from "node:fs";')).toBe(true);
    expect(FORBIDDEN.test('import { Bot } from "grammy";')).toBe(true);
    expect(FORBIDDEN.test('import { db } from "../../prisma/store/db.ts";')).toBe(true);
    expect(FORBIDDEN.test('import { DateTime } from "luxon";')).toBe(false);
  });
});
