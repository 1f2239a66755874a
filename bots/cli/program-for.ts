// The `repay` program for one command line: the base command plus only the asked-for group.
import type { Command } from "commander";
import { createBaseProgram } from "./base-program.ts";
import { groupsFor } from "./command-groups.ts";

/**
 * Registers the groups `args` needs on `program` (a fresh base program unless given, so a test
 * can set exit and output handling first: subcommands inherit them).
 *
 * @example await (await programFor(process.argv.slice(2))).parseAsync(process.argv);
 */
export async function programFor(
  args: readonly string[],
  program: Command = createBaseProgram(),
): Promise<Command> {
  for (const group of groupsFor(args)) (await group.load())(program);
  return program;
}
