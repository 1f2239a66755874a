// The dashboard's password: DASHBOARD_PASSWORD, or one made up at start on the embedded default.
import { randomBytes } from "node:crypto";

export interface DashboardSettings {
  readonly password: string;
  /** True when the password was made up at start: the banner may print it (never a configured one). */
  readonly generated: boolean;
}

/** Shortest DASHBOARD_PASSWORD accepted: a dashboard shows every borrower's history. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * The dashboard's settings, or undefined (dashboard off) when no password is configured and
 * the product runs on PostgreSQL: several processes could not share a made-up password.
 *
 * @example dashboardSettings(process.env, "pglite") // { password: "k3J…", generated: true }
 */
export function dashboardSettings(
  env: NodeJS.ProcessEnv,
  database: "pglite" | "postgres",
): DashboardSettings | undefined {
  const configured = env.DASHBOARD_PASSWORD?.trim();
  if (configured) {
    if (configured.length < MIN_PASSWORD_LENGTH) {
      throw new Error(
        `DASHBOARD_PASSWORD: at least ${MIN_PASSWORD_LENGTH} characters, please (it guards every borrower's history)`,
      );
    }
    return { password: configured, generated: false };
  }
  if (database !== "pglite") return undefined;
  return { password: randomBytes(12).toString("base64url"), generated: true };
}
