// The `repay` command: loan math as JSON on stdin/stdout, plus the product's operator commands.
import { programFor } from "./program-for.ts";

// Only the asked-for command's group is loaded: `repay schedule` starts without the database.
const program = await programFor(process.argv.slice(2));
await program.parseAsync(process.argv);
