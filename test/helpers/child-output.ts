// A child process's stdout and stderr as one text, as it arrives: for tests that wait on what a child prints.
import type { ChildProcess } from "node:child_process";

/**
 * Everything `child` has printed so far, both streams in the order they arrived.
 *
 * @example const output = collectOutput(child); ... expect(output()).toMatch(/ready/);
 */
export function collectOutput(child: ChildProcess): () => string {
  let output = "";
  const collect = (chunk: Buffer | string) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return () => output;
}
