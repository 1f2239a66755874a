// Mounts the dashboard on the product's HTTP server and says where it is and how to log in.
import type { Hono } from "hono";
import type { ContactRecords, Store } from "../../core/ports/index.ts";
import { createDashboardApp } from "./dashboard-app.ts";
import { dashboardPages } from "./dashboard-pages.ts";
import { dashboardSettings } from "./dashboard-settings.ts";

/**
 * Adds /dashboard to `app` when a password is configured or can be made up (embedded
 * default). Returns the banner line for a port: the address, and the password only when it
 * was made up at this start; a configured DASHBOARD_PASSWORD is never printed.
 */
export function mountDashboard(
  app: Hono,
  options: {
    store: Store;
    contactRecords: ContactRecords;
    database: "pglite" | "postgres";
    profile: string;
    env: NodeJS.ProcessEnv;
  },
): (port: number) => string {
  const settings = dashboardSettings(options.env, options.database);
  if (!settings) return () => "dashboard: off: set DASHBOARD_PASSWORD to turn it on";
  app.route(
    "/dashboard",
    createDashboardApp({
      store: options.store,
      password: settings.password,
      pages: dashboardPages(options),
    }),
  );
  return (port) =>
    `dashboard: http://127.0.0.1:${port}/dashboard (${
      settings.generated
        ? `password for this run: ${settings.password}; set DASHBOARD_PASSWORD to choose one`
        : "password from DASHBOARD_PASSWORD"
    })`;
}
