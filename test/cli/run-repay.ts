// Runs `repay` in this process with JSON on stdin: its exit code and what it wrote, as a spawn would see them.
import { Readable } from "node:stream";
import { format } from "node:util";
import { CommanderError } from "commander";
import { vi } from "vitest";
import { createBaseProgram } from "../../bots/cli/base-program.ts";
import { programFor } from "../../bots/cli/program-for.ts";

export interface RepayResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** One command at a time: stdin, stdout, stderr and the exit code belong to the whole process. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * `repay <args>` with `input` on stdin (an object is sent as JSON, a string as is), run the way
 * bin/repay.js runs it: the same groups, output and exit code, without starting a process.
 *
 * @example const { code, stdout } = await repay(["schedule"], usdTerms());
 */
export function repay(args: readonly string[], input?: unknown): Promise<RepayResult> {
  const run = queue.then(() => runInProcess(args, input));
  queue = run.catch(() => {});
  return run;
}

/** Runs a command that must succeed and parses its one JSON object as `T`. */
export async function repayJson<T>(args: readonly string[], input: unknown): Promise<T> {
  const result = await repay(args, input);
  if (result.code !== 0) {
    throw new Error(`repay ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}

async function runInProcess(args: readonly string[], input: unknown): Promise<RepayResult> {
  let stdout = "";
  let stderr = "";
  const toOut = (text: string) => {
    stdout += text;
  };
  const toErr = (text: string) => {
    stderr += text;
  };
  const text = input === undefined ? "" : typeof input === "string" ? input : JSON.stringify(input);
  const stdin = Object.getOwnPropertyDescriptor(process, "stdin");
  Object.defineProperty(process, "stdin", {
    configurable: true,
    enumerable: true,
    value: Readable.from([Buffer.from(text, "utf8")]),
  });
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(capture(toOut)),
    vi.spyOn(process.stderr, "write").mockImplementation(capture(toErr)),
    // The test runner gives console its own streams: its lines are caught here instead.
    ...(["log", "info"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...line) => toOut(`${format(...line)}\n`)),
    ),
    ...(["error", "warn"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...line) => toErr(`${format(...line)}\n`)),
    ),
  ];
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  let code: number | null = 0;
  try {
    const program = createBaseProgram()
      .exitOverride()
      .configureOutput({
        writeOut: toOut,
        writeErr: toErr,
        getOutHasColors: () => false,
        getErrHasColors: () => false,
      });
    await (await programFor(args, program)).parseAsync(["node", "repay", ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode;
    else {
      // What Node does with an unhandled rejection: the stack on stderr, exit 1.
      toErr(`${error instanceof Error ? error.stack : String(error)}\n`);
      code = 1;
    }
  } finally {
    process.exitCode = exitCode;
    for (const spy of spies) spy.mockRestore();
    if (stdin) Object.defineProperty(process, "stdin", stdin);
  }
  return { code, stdout, stderr };
}

/** A stream `write` that appends to the captured text and reports the chunk as flushed. */
function capture(append: (text: string) => void) {
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    append(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const done = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
}
