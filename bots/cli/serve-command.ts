// `repay serve --role ...`: runs the product with some of its roles, for several processes on PostgreSQL.
import type { Command } from "commander";
import { ROLES } from "../serve/roles.ts";

export function registerServeCommand(program: Command): void {
  program
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
}
