// The login's rate limit: five wrong passwords from one client, then 429 until the lockout ends.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createDashboardApp } from "../../bots/dashboard/dashboard-app.ts";
import { LOCKOUT_MS, MAX_FAILURES } from "../../bots/dashboard/login-limiter.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import { PASSWORD } from "./dashboard-harness.ts";

const URL_BASE = "http://127.0.0.1";

function dashboardAt(clock: { ms: number }): Hono {
  const app = new Hono();
  app.route(
    "/dashboard",
    createDashboardApp({
      store: createMemoryStore(),
      password: PASSWORD,
      now: () => new Date(clock.ms),
    }),
  );
  return app;
}

const tryPassword = (app: Hono, password: string) =>
  app.request(`${URL_BASE}/dashboard/login`, {
    method: "POST",
    body: new URLSearchParams({ password }),
  });

describe("dashboard login rate limit", () => {
  it("Should answer 429 with Retry-After after repeated wrong passwords, even for the right one, until the lockout ends", async () => {
    const clock = { ms: Date.parse("2026-03-02T09:00:00Z") };
    const app = dashboardAt(clock);
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect((await tryPassword(app, `wrong ${i}`)).status).toBe(401);
      clock.ms += 1000;
    }
    const last = await tryPassword(app, "wrong again");
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBe(LOCKOUT_MS / 1000);
    expect(await last.text()).toContain("Too many wrong passwords");

    clock.ms += 60_000;
    const right = await tryPassword(app, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.get("set-cookie")).toBeNull();
    expect(Number(right.headers.get("retry-after"))).toBe(LOCKOUT_MS / 1000 - 60);

    clock.ms += LOCKOUT_MS;
    const after = await tryPassword(app, PASSWORD);
    expect(after.status).toBe(303);
    expect(after.headers.get("set-cookie")).toContain("repay_dashboard=");
  });

  it("Should forget wrong passwords older than the window and clear them on a right one", async () => {
    const clock = { ms: Date.parse("2026-03-02T09:00:00Z") };
    const app = dashboardAt(clock);
    for (let i = 1; i < MAX_FAILURES; i++)
      expect((await tryPassword(app, "nope")).status).toBe(401);
    clock.ms += 16 * 60_000;
    expect((await tryPassword(app, "nope")).status).toBe(401);
    expect((await tryPassword(app, PASSWORD)).status).toBe(303);
    for (let i = 1; i < MAX_FAILURES; i++)
      expect((await tryPassword(app, "nope")).status).toBe(401);
    expect((await tryPassword(app, "nope")).status).toBe(429);
  });
});
