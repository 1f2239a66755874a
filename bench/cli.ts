// CLI start-up: `repay schedule` (one loan, JSON in and out) against a bare `node -e ""`, as JSON.
//   npm run bench:cli                 9 runs of each, interleaved
//   npm run bench:cli -- --runs 21
//
// Both are child processes started the same way (spawnSync of this Node), taken in turns so
// that a busy machine slows both alike; the medians and their ratio are printed. `compiled`
// says whether bin/repay.js found the build in dist/ (else it ran the sources through tsx).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { positiveInt } from "./lib/cli-args.ts";
import { percentile, round } from "./lib/measure.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "9" } } });
const runs = positiveInt("runs", values.runs);

const BIN = fileURLToPath(new URL("../bin/repay.js", import.meta.url));
const COMPILED = fileURLToPath(new URL("../dist/bots/cli/main.js", import.meta.url));
const TERMS = JSON.stringify({
  principal: "1200.00",
  currency: "USD",
  annualRate: "0.1299",
  termCount: 12,
  frequency: "monthly",
  disbursedOn: "2026-01-15",
  firstDueDate: "2026-02-15",
  method: "annuity",
  interest: "declining",
  dayCount: "30/360",
});

/** Wall time of one child process in ms; throws when it fails, so a broken CLI is not "fast". */
function run(args: readonly string[], input: string): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { input, encoding: "utf8" });
  const ms = performance.now() - started;
  if (child.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  }
  return ms;
}

const bare: number[] = [];
const schedule: number[] = [];
run(["-e", ""], ""); // warm the file cache for both before timing
run([BIN, "schedule"], TERMS);
for (let i = 0; i < runs; i++) {
  bare.push(run(["-e", ""], ""));
  schedule.push(run([BIN, "schedule"], TERMS));
}
const sorted = (samples: number[]) => [...samples].sort((a, b) => a - b);
const median = (samples: number[]) => round(percentile(sorted(samples), 50));
const bareMs = median(bare);
const scheduleMs = median(schedule);
process.stdout.write(
  `${JSON.stringify({
    bench: "cli",
    runs,
    compiled: existsSync(COMPILED),
    bareNodeMs: bareMs,
    repayScheduleMs: scheduleMs,
    scheduleVsBareNode: round(scheduleMs / bareMs, 1),
    node: process.version,
  })}\n`,
);
