// Real product processes for multi-process tests and benches: spawn with a role, watch the log, kill or stop.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { collectOutput } from "./child-output.ts";
import { buildIsStale } from "./fresh-build.ts";

const ROOT = join(import.meta.dirname, "..", "..");

export interface ProductProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  readonly exited: Promise<number | null>;
  /** Resolves with the first match in its output; rejects if it exits or `timeoutMs` passes first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * The product's compiled build, `node dist/bots/main.js --role <role>`, when dist/ is as new as
 * the sources (the test setup rebuilds it), else `node --import tsx bots/main.ts`: node itself,
 * so a SIGKILL hits the process holding the work. Only the given environment plus PATH and HOME.
 */
export function startProductProcess(role: string, env: Record<string, string>): ProductProcess {
  const entry = buildIsStale()
    ? ["--import", "tsx", "bots/main.ts"]
    : [join("dist", "bots", "main.js")];
  const child = spawn(process.execPath, [...entry, "--role", role], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(child);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  return {
    child,
    output,
    exited,
    async waitFor(pattern, timeoutMs = 120_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const match = output().match(pattern);
        if (match) return match;
        if (done || Date.now() > until) {
          throw new Error(`${done ? "exited" : "timed out"} before ${pattern}:\n${output()}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (!done) child.kill("SIGTERM");
      return exited;
    },
  };
}
