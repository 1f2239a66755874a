// `npm test`: the type check and the lint run beside the test files; each one's result is printed, and any failure fails the run.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { collectOutput } from "./helpers/child-output.ts";

const ROOT = join(import.meta.dirname, "..");

interface Check {
  readonly name: string;
  readonly code: number | null;
  readonly output: string;
  readonly seconds: number;
}

/**
 * `npm run <script>` with its output held back: printed whole after the test files' live
 * output, so the three never interleave.
 */
function quietly(script: string): Promise<Check> {
  const started = Date.now();
  const child = spawn("npm", ["run", "--silent", script], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(child);
  let failure = "";
  return new Promise((resolve) => {
    child.on("error", (error) => {
      failure += `${error.message}\n`;
    });
    child.on("close", (code) =>
      resolve({
        name: script,
        code,
        output: output() + failure,
        seconds: (Date.now() - started) / 1000,
      }),
    );
  });
}

/** vitest with the terminal: its progress shows as it goes; extra arguments pass through. */
function tests(args: readonly string[]): Promise<number | null> {
  const vitest = join(ROOT, "node_modules", "vitest", "vitest.mjs");
  const child = spawn(process.execPath, [vitest, "run", ...args], { cwd: ROOT, stdio: "inherit" });
  return new Promise((resolve) => {
    child.on("error", () => resolve(1));
    child.on("close", resolve);
  });
}

// The type check (about 20 s of one core) and the lint used to run before the tests, one after
// the other; beside them they take cores the test files leave idle while they wait on
// databases and child processes.
const checks = Promise.all([quietly("typecheck"), quietly("lint")]);
const testsCode = await tests(process.argv.slice(2));
let failed = testsCode !== 0;
for (const check of await checks) {
  const verdict = check.code === 0 ? "passed" : `FAILED (exit ${check.code})`;
  process.stdout.write(`\n${check.name}: ${verdict} in ${check.seconds.toFixed(1)} s\n`);
  process.stdout.write(check.output);
  if (check.code !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
