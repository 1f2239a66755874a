// /healthz and /metrics for every process: each role's liveness, the database's reachability, Prometheus text.
import type { Hono } from "hono";
import type { ProductMetrics } from "./metrics.ts";
import { describeRoles, type Role, type Roles } from "./roles.ts";

export interface HealthDeps {
  readonly roles: Roles;
  readonly database: "pglite" | "postgres";
  /** Resolves when a trivial query answers. */
  readonly pingDatabase: () => Promise<unknown>;
  /** Each started role's liveness; a role not listed is reported as not running here. */
  readonly live: Partial<Record<Role, () => boolean>>;
  readonly metrics: ProductMetrics;
}

/** 200 when the database answers and every role of this process is live, else 503. */
export function registerHealth(app: Hono, deps: HealthDeps): void {
  app.get("/healthz", async (c) => {
    const reachable = await Promise.race([
      deps.pingDatabase().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref()),
    ]);
    const roles = Object.fromEntries(
      deps.roles.names.map((role) => [role, deps.live[role]?.() ?? false]),
    );
    const ok = reachable && Object.values(roles).every(Boolean);
    return c.json(
      {
        ok,
        role: describeRoles(deps.roles),
        database: deps.database,
        databaseReachable: reachable,
        roles,
      },
      ok ? 200 : 503,
    );
  });
  app.get("/metrics", async (c) =>
    c.body(await deps.metrics.registry.metrics(), 200, {
      "content-type": deps.metrics.registry.contentType,
    }),
  );
}
