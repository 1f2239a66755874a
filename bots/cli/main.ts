// The `repay` command: loan math as JSON on stdin/stdout, plus the product's operator commands.
import { Command } from "commander";
import { groupsFor } from "./command-groups.ts";

const program = new Command()
  .name("repay")
  .description("Repayment assistant: exact loan math, imports, and the operator's tools.")
  .version("0.1.0")
  .showHelpAfterError("(run with --help for usage)");

// Only the asked-for command's group is loaded: `repay schedule` starts without the database.
for (const group of groupsFor(process.argv.slice(2))) (await group.load())(program);

await program.parseAsync(process.argv);
