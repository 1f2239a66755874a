// The whole `repay` command tree, built without parsing: tests read every command's help from it.
import type { Command } from "commander";
import { createBaseProgram } from "./base-program.ts";
import { registerConsentCommand } from "./consent-command.ts";
import { registerDbCommands } from "./db-commands.ts";
import { registerExplainCommand } from "./explain-command.ts";
import { registerImportCommands } from "./import-commands.ts";
import { registerIntentCommand } from "./intent-command.ts";
import { registerLoanMathCommands } from "./loan-math-commands.ts";
import { registerReplyCommand } from "./reply-command.ts";
import { registerReportCommand } from "./report-command.ts";
import { registerScoreCommand } from "./score-command.ts";
import { registerServeCommand } from "./serve-command.ts";
import { registerSimulateCommand } from "./simulate-command.ts";

/** Every group registered at once (main.ts loads only the asked-for group instead). */
export function createProgram(): Command {
  const program = createBaseProgram();
  registerLoanMathCommands(program);
  registerScoreCommand(program);
  registerIntentCommand(program);
  registerReplyCommand(program);
  registerSimulateCommand(program);
  registerImportCommands(program);
  registerDbCommands(program);
  registerServeCommand(program);
  registerConsentCommand(program);
  registerExplainCommand(program);
  registerReportCommand(program);
  return program;
}
