// GET /api/borrowers/{ref} (state and next due) and POST /api/borrowers/{ref}/link-code.
import { Hono } from "hono";
import { issueLinkCode } from "../../../core/commands/index.ts";
import type { Store } from "../../../core/ports/index.ts";
import {
  DEFAULT_LINK_CODE_TTL_MINUTES,
  generateLinkCode,
  hashLinkCode,
} from "../../linking/link-code.ts";
import { ApiError, optionalJsonBody } from "../api-error.ts";
import { borrowerView } from "../borrower-view.ts";

const MAX_TTL_MINUTES = 7 * 24 * 60;

export function borrowerRoutes(store: Store, now: () => Date, botUsername?: string): Hono {
  const routes = new Hono();
  const find = async (ref: string) => {
    const borrower = await store.borrowers.byRef(ref);
    if (!borrower) throw new ApiError(404, "BORROWER_NOT_FOUND", `no borrower with ref ${ref}`);
    return borrower;
  };

  routes.get("/:ref", async (c) =>
    c.json(await borrowerView(store, await find(c.req.param("ref")), now())),
  );

  routes.post("/:ref/link-code", async (c) => {
    const borrower = await find(c.req.param("ref"));
    const body = await optionalJsonBody(c);
    const ttl = body.ttlMinutes ?? DEFAULT_LINK_CODE_TTL_MINUTES;
    if (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_MINUTES) {
      throw new ApiError(
        422,
        "INVALID_TTL",
        `ttlMinutes must be a whole number from 1 to ${MAX_TTL_MINUTES}`,
        "ttlMinutes",
      );
    }
    const code = generateLinkCode();
    const expiresAt = new Date(now().getTime() + ttl * 60_000).toISOString();
    await issueLinkCode(store, {
      borrowerId: borrower.id,
      codeHash: hashLinkCode(code),
      expiresAt,
      actor: "api",
      at: now().toISOString(),
    });
    return c.json(
      {
        code,
        expiresAt,
        ...(botUsername ? { link: `https://t.me/${botUsername}?start=${code}` } : {}),
      },
      201,
    );
  });
  return routes;
}
