// Three real product processes on one PostgreSQL database share the work through BullMQ: first on
// its PostgreSQL backend, then on Redis (the data stays in PostgreSQL). One file, so the two
// clusters run one after the other, never side by side.
import { expect } from "vitest";
import { describeWithPostgres } from "../helpers/postgres.ts";
import {
  claimRedisPrefix,
  describeWithRedis,
  type RedisPrefix,
  TEST_REDIS_URL,
} from "../helpers/redis.ts";
import { clusterSuite } from "./cluster-suite.ts";

describeWithPostgres("several processes on PostgreSQL", () => {
  clusterSuite({
    banner: /queue: BullMQ on PostgreSQL/,
    open: async () => ({}),
    close: async () => {},
  });
});

describeWithPostgres("several processes with the queue on Redis", () => {
  describeWithRedis("BullMQ's Redis backend", () => {
    let redis: RedisPrefix | undefined;
    clusterSuite({
      banner: /queue: BullMQ on Redis/,
      open: async () => {
        redis = await claimRedisPrefix();
        return { REDIS_URL: TEST_REDIS_URL as string, REPAY_QUEUE_PREFIX: redis.prefix };
      },
      close: async () => {
        // The work went through Redis under this run's prefix only; then the prefix is removed.
        expect(await redis?.keys()).toBeGreaterThan(0);
        await redis?.drop();
      },
    });
  });
});
