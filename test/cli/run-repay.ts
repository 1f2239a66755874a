// Runs the real `repay` binary in a child process with JSON on stdin; collects exit code and output.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/repay.js", import.meta.url));

export interface RepayResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `repay <args>` with `input` piped to stdin: an object is sent as JSON, a string as is.
 *
 * @example const { code, stdout } = await repay(["schedule"], usdTerms());
 */
export function repay(args: readonly string[], input?: unknown): Promise<RepayResult> {
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

/** Runs a command that must succeed and parses its one JSON object as `T`. */
export async function repayJson<T>(args: readonly string[], input: unknown): Promise<T> {
  const result = await repay(args, input);
  if (result.code !== 0) {
    throw new Error(`repay ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}
