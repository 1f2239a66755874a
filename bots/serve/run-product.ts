// Runs the product until SIGTERM or SIGINT: clear one-line errors at start, exit 0 after a clean stop.
import { isDomainError } from "../../core/errors/index.ts";
import { errorLine } from "../error-line.ts";
import { startProduct } from "./start-product.ts";
import { POLLER_BUSY_EXIT, PollerErrorCode } from "./telegram-polling.ts";

// While the terminal chat runs, log lines go above its prompt instead of into the typed line.
let printAbove: ((line: string) => void) | undefined;
const log = (line: string) =>
  printAbove ? printAbove(`[repay] ${line}`) : console.error(`[repay] ${line}`);

/**
 * `role` from `repay serve --role`, else REPAY_ROLE, else all. A refused start prints one line
 * and exits 1 (3 for a second Telegram poller); never a stack trace for an operator's mistake.
 */
export async function runProduct(role?: string): Promise<void> {
  let product: Awaited<ReturnType<typeof startProduct>>;
  try {
    product = await startProduct({
      ...(role ? { role } : {}),
      log,
      onConsoleNotices: (print) => {
        printAbove = print;
      },
    });
  } catch (error) {
    log(`cannot start: ${errorLine(error)}`);
    process.exit(
      isDomainError(error) && error.code === PollerErrorCode.Busy ? POLLER_BUSY_EXIT : 1,
    );
  }
  const shutdown = (signal: string) =>
    void product.stop(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}
