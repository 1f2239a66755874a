// Runs `repay import` in a child process and SIGKILLs it once its progress shows rows written.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/repay.js", import.meta.url));

/** Where the child's database is: a PGlite folder, or a PostgreSQL URL. */
export type ImportTarget = { readonly dataDir: string } | { readonly url: string };

function childEnv(target: ImportTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.DATABASE_URL;
  delete env.REPAY_DATA_DIR;
  if ("url" in target) env.DATABASE_URL = target.url;
  else env.REPAY_DATA_DIR = target.dataDir;
  return env;
}

export interface ImportRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Rows the last progress line said were written before the kill (0 without a kill). */
  readonly writtenWhenKilled: number;
}

/**
 * `repay import <kind> <file>`; with `killAfterRows`, SIGKILL as soon as a progress line
 * reports at least that many rows written (and fewer than all).
 */
export function runImport(
  kind: "loans" | "payments",
  file: string,
  target: ImportTarget,
  killAfterRows?: number,
): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "import", kind, file], {
      stdio: ["ignore", "pipe", "pipe"],
      env: childEnv(target),
    });
    let stdout = "";
    let stderr = "";
    let writtenWhenKilled = 0;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      if (killAfterRows === undefined || writtenWhenKilled > 0) return;
      for (const match of stderr.matchAll(/(\d+)\/(\d+) rows written \(not committed yet\)/g)) {
        const done = Number(match[1]);
        if (done >= killAfterRows && done < Number(match[2])) {
          writtenWhenKilled = done;
          child.kill("SIGKILL");
          return;
        }
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ code, signal, stdout, stderr, writtenWhenKilled }),
    );
  });
}
