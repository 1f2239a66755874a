// `repay serve --role ...`: runs the product with some of its roles, for several processes on PostgreSQL.
import type { Command } from "commander";
import { ROLES } from "../serve/roles.ts";
import { addExamples } from "./examples.ts";

export function registerServeCommand(program: Command): void {
  const serve = program
    .command("serve")
    .description(
      `run the product; --role all (default, as npm start) or one or more of ${ROLES.join(", ")}, comma-separated`,
    )
    .option("--role <roles>", "which roles this process takes (or REPAY_ROLE)")
    .action(async (options: { role?: string }) => {
      // Loaded only here: the other commands need none of the product's servers and SDKs.
      const { runProduct } = await import("../serve/run-product.ts");
      await runProduct(options.role);
    });
  addExamples(serve, [
    "repay serve                                   # every role in one process, as npm start",
    "DATABASE_URL=postgresql://... repay serve --role telegram,api",
    "DATABASE_URL=postgresql://... repay serve --role planner,dispatcher",
  ]);
}
