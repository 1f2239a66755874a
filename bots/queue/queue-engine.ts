// Which queue engine carries the shared work: BullMQ on Redis or on PostgreSQL, or none (one process).
import { ConfigError } from "../config.ts";

/** `none`: the planner and dispatcher run on timers inside the one process (PGlite, `npm start`). */
export type QueueEngine =
  | { readonly kind: "redis"; readonly url: string; readonly prefix: string }
  | { readonly kind: "postgres"; readonly url: string }
  | { readonly kind: "none" };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * REPAY_QUEUE picks the engine (redis | postgres | none); unset, REDIS_URL means Redis, then
 * DATABASE_URL means BullMQ's PostgreSQL backend on the product's own database, else none.
 * On Redis every key starts with REPAY_QUEUE_PREFIX (default "repay"), so one Redis server can
 * carry several deployments.
 *
 * @example queueEngineFrom({ DATABASE_URL: "postgresql://db/repay" }) // { kind: "postgres", ... }
 */
export function queueEngineFrom(env: Env = process.env): QueueEngine {
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const chosen =
    env.REPAY_QUEUE?.trim() || (redisUrl ? "redis" : databaseUrl ? "postgres" : "none");
  switch (chosen) {
    case "redis":
      if (!redisUrl) throw new ConfigError("REPAY_QUEUE", "redis needs REDIS_URL");
      if (!/^rediss?:\/\//.test(redisUrl)) {
        throw new ConfigError("REDIS_URL", "must be a redis:// or rediss:// URL");
      }
      return { kind: "redis", url: redisUrl, prefix: queuePrefix(env) };
    case "postgres":
      if (!databaseUrl) {
        throw new ConfigError("REPAY_QUEUE", "postgres needs DATABASE_URL (PostgreSQL)");
      }
      return { kind: "postgres", url: databaseUrl };
    case "none":
      return { kind: "none" };
    default:
      throw new ConfigError("REPAY_QUEUE", `must be redis, postgres or none, not "${chosen}"`);
  }
}

function queuePrefix(env: Env): string {
  const prefix = env.REPAY_QUEUE_PREFIX?.trim() || "repay";
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(prefix)) {
    throw new ConfigError("REPAY_QUEUE_PREFIX", "must be 1-64 letters, digits, - or _");
  }
  return prefix;
}
