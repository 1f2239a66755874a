// The lender API: upsert loans, post payments idempotently, read a borrower, issue link codes.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { isDomainError } from "../../core/errors/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { escapeControl } from "../../core/text/index.ts";
import { ApiError, errorResponse } from "./api-error.ts";
import { bearerAuth } from "./bearer-auth.ts";
import { borrowerRoutes } from "./routes/borrowers.ts";
import { loanRoutes } from "./routes/loans.ts";
import { paymentRoutes } from "./routes/payments.ts";

export interface ApiDeps {
  readonly store: Store;
  /** Bearer token lenders' systems must send. */
  readonly token: string;
  readonly now?: () => Date;
  /** Largest request body accepted, in bytes (default 64 KiB). */
  readonly maxBodyBytes?: number;
  /** "pglite" or "postgres", reported by /healthz. */
  readonly database?: string;
  /** For link-code deep links: https://t.me/<bot>?start=<code>. */
  readonly telegramBotUsername?: string;
  readonly log?: (line: string) => void;
}

/**
 * @example
 *   const app = createApiApp({ store, token: process.env.REPAY_API_TOKEN })
 *   await app.request("/healthz")
 */
export function createApiApp(deps: ApiDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());
  app.get("/healthz", (c) => c.json({ ok: true, database: deps.database ?? "unknown" }));
  const api = new Hono();
  api.use("*", bearerAuth(deps.token));
  api.use(
    "*",
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? 64 * 1024,
      onError: (c) =>
        errorResponse(c, new ApiError(413, "BODY_TOO_LARGE", "the request body is too large")),
    }),
  );
  api.route("/loans", loanRoutes(deps.store, now));
  api.route("/payments", paymentRoutes(deps.store, now));
  api.route("/borrowers", borrowerRoutes(deps.store, now, deps.telegramBotUsername));
  app.route("/api", api);
  app.notFound((c) => errorResponse(c, new ApiError(404, "NOT_FOUND", "no such endpoint")));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (isDomainError(error)) {
      const field = typeof error.details.field === "string" ? error.details.field : undefined;
      return errorResponse(c, new ApiError(422, error.code, error.message, field));
    }
    // One line per failure: a path or a message carrying control characters cannot forge lines.
    (deps.log ?? console.error)(
      escapeControl(
        `api: ${c.req.method} ${c.req.path} failed: ${error instanceof Error ? error.stack : String(error)}`,
      ),
    );
    return errorResponse(c, new ApiError(500, "INTERNAL", "something went wrong on our side"));
  });
  return app;
}
