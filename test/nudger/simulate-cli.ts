// `repay simulate` alone, for tests that run it as a child process before main.ts wires it in.
import { Command } from "commander";
import { registerSimulateCommand } from "../../bots/cli/simulate-command.ts";

const program = new Command().name("repay").exitOverride((error) => {
  process.exitCode = error.exitCode;
  throw error;
});
registerSimulateCommand(program);
await program.parseAsync(process.argv).catch(() => {});
