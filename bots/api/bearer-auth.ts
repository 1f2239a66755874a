// Bearer-token check for the lender API, constant-time, with a JSON 401.
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { ApiError, errorResponse } from "./api-error.ts";

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

export function bearerAuth(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match || !timingSafeEqual(digest((match[1] ?? "").trim()), expected)) {
      c.header("WWW-Authenticate", 'Bearer realm="repay"');
      return errorResponse(
        c,
        new ApiError(401, "UNAUTHORIZED", "a valid bearer token is required"),
      );
    }
    await next();
  };
}
