// `repay serve --role ...`: runs the product with some of its roles, for several processes on PostgreSQL.
import type { Command } from "commander";
import { ROLES } from "../serve/roles.ts";
import { runProduct } from "../serve/run-product.ts";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description(
      `run the product; --role all (default, as npm start) or one or more of ${ROLES.join(", ")}, comma-separated`,
    )
    .option("--role <roles>", "which roles this process takes (or REPAY_ROLE)")
    .action(async (options: { role?: string }) => {
      await runProduct(options.role);
    });
}
