// The `repay` command: loan math as JSON on stdin/stdout, plus the product's operator commands.
import { createProgram } from "./program.ts";

await createProgram().parseAsync(process.argv);
