// Runs the product until SIGTERM or SIGINT: clear one-line errors at start, exit 0 after a clean stop.
import { isDomainError } from "../../core/errors/domain-error.ts";
import { ConfigError } from "../config.ts";
import { startProduct } from "./start-product.ts";
import { POLLER_BUSY_EXIT, PollerErrorCode } from "./telegram-polling.ts";

const log = (line: string) => console.error(`[repay] ${line}`);

/**
 * `role` from `repay serve --role`, else REPAY_ROLE, else all. A refused start prints one line
 * and exits 1 (3 for a second Telegram poller); never a stack trace for an operator's mistake.
 */
export async function runProduct(role?: string): Promise<void> {
  let product: Awaited<ReturnType<typeof startProduct>>;
  try {
    product = await startProduct({ ...(role ? { role } : {}), log });
  } catch (error) {
    if (isDomainError(error) && error.code === PollerErrorCode.Busy) {
      log(`cannot start: ${error.message}`);
      process.exit(POLLER_BUSY_EXIT);
    }
    if (error instanceof ConfigError || isDomainError(error)) log(`cannot start: ${error.message}`);
    else
      log(
        `cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    process.exit(1);
  }
  const shutdown = (signal: string) =>
    void product.stop(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}
