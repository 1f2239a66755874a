// The `repay` command tree, built without parsing: main.ts runs it, tests read every command's help.
import { Command } from "commander";
import { registerDbCommands } from "./db-commands.ts";
import { addExamples } from "./examples.ts";
import { registerImportCommands } from "./import-commands.ts";
import { registerIntentCommand } from "./intent-command.ts";
import { registerLoanMathCommands } from "./loan-math-commands.ts";
import { registerReplyCommand } from "./reply-command.ts";
import { registerSimulateCommand } from "./simulate-command.ts";

/** @example await createProgram().parseAsync(process.argv); */
export function createProgram(): Command {
  const program = new Command()
    .name("repay")
    .description("Repayment assistant: exact loan math, imports, and the operator's tools.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)");

  registerLoanMathCommands(program);
  registerIntentCommand(program);
  registerReplyCommand(program);
  registerSimulateCommand(program);
  registerImportCommands(program);
  registerDbCommands(program);
  addExamples(program, [
    "repay schedule < terms.json            # loan math: JSON in, JSON out",
    "repay import loans book.csv --dry-run  # what an import would change",
    "repay db seed --demo                   # the demo book",
    "repay simulate --demo --report         # what the contact rules would send",
    "repay --version                        # the version",
    "repay import loans --help              # any command's options, with examples",
  ]);
  return program;
}
