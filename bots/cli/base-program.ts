// The `repay` command itself, before any command group is added: name, version, help examples.
import { Command } from "commander";
import { addExamples } from "./examples.ts";

/** @example const program = createBaseProgram(); registerLoanMathCommands(program); */
export function createBaseProgram(): Command {
  const program = new Command()
    .name("repay")
    .description("Repayment assistant: exact loan math, imports, and the operator's tools.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)");
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
