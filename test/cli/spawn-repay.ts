// Runs the real `repay` binary (bin/repay.js) in a child process with JSON on stdin: for smoke tests only.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { RepayResult } from "./run-repay.ts";

const BIN = fileURLToPath(new URL("../../bin/repay.js", import.meta.url));

/**
 * `repay <args>` with `input` piped to stdin: an object is sent as JSON, a string as is.
 *
 * @example const { code, stdout } = await spawnRepay(["schedule"], usdTerms());
 */
export function spawnRepay(args: readonly string[], input?: unknown): Promise<RepayResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    // A command that exits before reading (e.g. --help) closes the pipe; that is not a failure.
    child.stdin.on("error", () => {});
    child.stdin.end(
      input === undefined ? "" : typeof input === "string" ? input : JSON.stringify(input),
    );
  });
}
