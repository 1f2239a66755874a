// Vitest global setup: rebuilds dist/ when a source is newer than the last build, so spawned CLIs run today's code.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
/** What tsconfig.build.json compiles, plus the settings that shape the output. */
const SOURCES = ["core", "bots", "prisma", "prompts", "generated"];
const SETTINGS = ["tsconfig.json", "tsconfig.build.json"];
/** The incremental build's state; touched after each build (tsc leaves it alone when nothing changed). */
const STAMP = join(ROOT, "dist", ".tsbuildinfo");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than any source file or build setting. */
export function buildIsStale(): boolean {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const newest = Math.max(
    ...SOURCES.map((dir) => newestSource(join(ROOT, dir))),
    ...SETTINGS.map((file) => statSync(join(ROOT, file)).mtimeMs),
  );
  return newest > built;
}

export default function setup(): void {
  if (!buildIsStale()) return;
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  const now = new Date();
  utimesSync(STAMP, now, now);
}
