// The roles a product process can take: api, telegram, slack, planner, dispatcher, or all of them.
import { ConfigError } from "../config.ts";

export const ROLES = ["api", "telegram", "slack", "planner", "dispatcher"] as const;
export type Role = (typeof ROLES)[number];

/** A process's roles; `all` is every role (one process runs everything, as `npm start`). */
export interface Roles {
  readonly all: boolean;
  has(role: Role): boolean;
  readonly names: readonly Role[];
}

/**
 * "all" (the default), one role, or several joined by commas ("planner,dispatcher").
 *
 * @example parseRoles(process.env.REPAY_ROLE).has("dispatcher")
 */
export function parseRoles(value: string | undefined, source = "REPAY_ROLE"): Roles {
  const words = (value ?? "all")
    .split(",")
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== "");
  if (words.length === 0 || words.includes("all")) return rolesOf(ROLES);
  const unknown = words.filter((word) => !(ROLES as readonly string[]).includes(word));
  if (unknown.length > 0) {
    throw new ConfigError(
      source,
      `unknown role "${unknown.join(", ")}": use all, or one or more of ${ROLES.join(", ")}`,
    );
  }
  return rolesOf(words as Role[]);
}

function rolesOf(roles: readonly Role[]): Roles {
  const set = new Set(roles);
  return {
    all: ROLES.every((role) => set.has(role)),
    has: (role) => set.has(role),
    names: ROLES.filter((role) => set.has(role)),
  };
}

/** The roles as a log or error shows them. */
export function describeRoles(roles: Roles): string {
  return roles.all ? "all" : roles.names.join(",");
}

/**
 * Several processes need PostgreSQL and a queue engine: PGlite (one data folder, one process)
 * and the in-process timers only run `all`.
 */
export function checkRolesFit(
  roles: Roles,
  database: "pglite" | "postgres",
  queue: "redis" | "postgres" | "none",
  source = "REPAY_ROLE",
): void {
  if (roles.all) return;
  if (database === "pglite") {
    throw new ConfigError(
      source,
      `PGlite runs in one process, so only the role "all": set DATABASE_URL to PostgreSQL to run --role ${describeRoles(roles)}`,
    );
  }
  if (queue === "none") {
    throw new ConfigError(
      "REPAY_QUEUE",
      `none runs everything in one process, so only the role "all": unset it (or set redis/postgres) to run --role ${describeRoles(roles)}`,
    );
  }
}
