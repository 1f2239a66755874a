// The `repay` command: loan math as JSON on stdin/stdout, plus the product's operator commands.
import { errorLine } from "../error-line.ts";
import { createProgram } from "./program.ts";

// Whatever a command did not handle still ends as one line that says what to do, not a stack trace.
await createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`error: ${errorLine(error)}\n`);
    process.exitCode = 2;
  });
