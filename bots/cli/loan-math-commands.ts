// `repay schedule|state|plans`: JSON in on stdin, JSON out on stdout.
import type { Command } from "commander";

export function registerLoanMathCommands(program: Command): void {
  program
    .command("schedule")
    .description("Print a repayment schedule for loan terms read as JSON from stdin.")
    .action(() => {
      throw new Error("not yet built");
    });
}
