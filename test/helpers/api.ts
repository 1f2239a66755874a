// Helpers for driving the lender API in tests: an app on the in-memory store and JSON requests.

import { createApiApp } from "../../bots/api/app.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { Store } from "../../core/ports/index.ts";

export const TOKEN = "test-token-0123456789";

export function apiOn(
  store: Store = createMemoryStore(),
  now = () => new Date("2026-04-01T12:00:00Z"),
) {
  const app = createApiApp({ store, token: TOKEN, now, database: "memory", log: () => {} });
  const request = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { body: typeof body === "string" ? body : JSON.stringify(body) }
        : {}),
    });
  return { app, store, request };
}

export const anaLoan = {
  borrowerRef: "B-001",
  borrowerName: "Ana Lopez",
  phone: "+12125550101",
  locale: "en",
  timeZone: "America/New_York",
  loanRef: "L-001",
  principal: "1200.00",
  currency: "USD",
  annualRate: "0.1299",
  termCount: 12,
  frequency: "monthly",
  disbursedOn: "2026-01-15",
  firstDueDate: "2026-02-15",
  method: "annuity",
  lateFeeFlat: "15.00",
  lateFeePercent: "0.05",
  lateFeeGraceDays: 3,
  lateFeeCap: "60.00",
};

/** A response body as loosely typed JSON, for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary JSON
export async function json(res: Response): Promise<any> {
  return res.json();
}
