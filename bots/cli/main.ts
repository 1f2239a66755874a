// The `repay` command: loan math as JSON on stdin/stdout, plus the product's operator commands.
import { createBaseProgram } from "./base-program.ts";
import { groupsFor } from "./command-groups.ts";

const program = createBaseProgram();
// Only the asked-for command's group is loaded: `repay schedule` starts without the database.
for (const group of groupsFor(process.argv.slice(2))) (await group.load())(program);

await program.parseAsync(process.argv);
