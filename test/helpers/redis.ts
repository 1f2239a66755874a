// Redis for suites that run against TEST_REDIS_URL: each run gets its own key prefix and removes it.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { describe } from "vitest";

/** The server tests may use, e.g. redis://127.0.0.1:6379; unset to skip. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;

/**
 * `describe` when TEST_REDIS_URL is set; otherwise the suite is skipped and its name says why.
 * When it is set, a server that cannot be reached fails the suite (see claimRedisPrefix).
 */
export function describeWithRedis(name: string, suite: () => void): void {
  if (TEST_REDIS_URL) describe(name, suite);
  else
    describe.skip(
      `${name} (skipped: TEST_REDIS_URL is not set, e.g. redis://127.0.0.1:6379)`,
      suite,
    );
}

export interface RedisPrefix {
  /** A prefix no other run uses, for REPAY_QUEUE_PREFIX. */
  readonly prefix: string;
  /** How many keys start with it now. */
  keys(): Promise<number>;
  /** Deletes every key under the prefix and disconnects. */
  drop(): Promise<void>;
}

/** Pings the server (throwing, loudly, when it cannot be reached) and hands out a fresh prefix. */
export async function claimRedisPrefix(): Promise<RedisPrefix> {
  if (!TEST_REDIS_URL) throw new Error("TEST_REDIS_URL is not set");
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(`TEST_REDIS_URL is set but Redis cannot be reached: ${String(error)}`);
  }
  const prefix = `repay_test_${randomBytes(6).toString("hex")}`;
  const matching = async () => {
    const found: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      found.push(...batch);
    } while (cursor !== "0");
    return found;
  };
  return {
    prefix,
    keys: async () => (await matching()).length,
    drop: async () => {
      const keys = await matching();
      for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
      redis.disconnect();
    },
  };
}
