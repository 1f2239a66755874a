// The `repay` command: loan math as JSON on stdin/stdout, plus the product's operator commands.
import { Command } from "commander";
import { registerConsentCommand } from "./consent-command.ts";
import { registerDbCommands } from "./db-commands.ts";
import { registerImportCommands } from "./import-commands.ts";
import { registerIntentCommand } from "./intent-command.ts";
import { registerLoanMathCommands } from "./loan-math-commands.ts";
import { registerReplyCommand } from "./reply-command.ts";
import { registerSimulateCommand } from "./simulate-command.ts";

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
registerConsentCommand(program);

await program.parseAsync(process.argv);
