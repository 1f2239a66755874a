// Every command's help ends with examples: one line per use, the flags written out as typed.
import type { Command } from "commander";

/**
 * Appends an "Examples:" block to `command`'s --help (after any other help text).
 *
 * @example addExamples(cmd, ["repay plans --accept hardship < loan.json"]);
 */
export function addExamples(command: Command, lines: readonly string[]): Command {
  return command.addHelpText("after", `\nExamples:\n${lines.map((l) => `  ${l}`).join("\n")}`);
}
