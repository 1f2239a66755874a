// The `repay` command's groups by top-level name, each loaded only when it is the one asked for.
import type { Command } from "commander";

/** A module that adds some top-level commands to the program. */
export interface CommandGroup {
  /** The top-level command names the group registers, exactly (a test holds them to it). */
  readonly names: readonly string[];
  load(): Promise<(program: Command) => void>;
}

/**
 * Every group of the `repay` command. Loading one costs only its own imports: the loan math
 * never pays for the database client, the simulator or the import readers at start-up.
 */
export const COMMAND_GROUPS: readonly CommandGroup[] = [
  {
    names: ["schedule", "state", "plans"],
    load: async () => (await import("./loan-math-commands.ts")).registerLoanMathCommands,
  },
  {
    names: ["score"],
    load: async () => (await import("./score-command.ts")).registerScoreCommand,
  },
  {
    names: ["intent"],
    load: async () => (await import("./intent-command.ts")).registerIntentCommand,
  },
  {
    names: ["reply"],
    load: async () => (await import("./reply-command.ts")).registerReplyCommand,
  },
  {
    names: ["simulate"],
    load: async () => (await import("./simulate-command.ts")).registerSimulateCommand,
  },
  {
    names: ["import"],
    load: async () => (await import("./import-commands.ts")).registerImportCommands,
  },
  { names: ["db"], load: async () => (await import("./db-commands.ts")).registerDbCommands },
  {
    names: ["consent"],
    load: async () => (await import("./consent-command.ts")).registerConsentCommand,
  },
  {
    names: ["explain"],
    load: async () => (await import("./explain-command.ts")).registerExplainCommand,
  },
  {
    names: ["report"],
    load: async () => (await import("./report-command.ts")).registerReportCommand,
  },
  {
    names: ["serve"],
    load: async () => (await import("./serve-command.ts")).registerServeCommand,
  },
];

/**
 * The groups to register for these arguments: only the named command's group when the first
 * argument names one, else all of them (help, a version flag, a typo that deserves a suggestion).
 */
export function groupsFor(args: readonly string[]): readonly CommandGroup[] {
  const first = args[0];
  const named = COMMAND_GROUPS.find((group) => first !== undefined && group.names.includes(first));
  return named ? [named] : COMMAND_GROUPS;
}
