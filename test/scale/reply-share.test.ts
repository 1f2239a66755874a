// Replies keep the rest of the bot's budget for the whole cluster: each telegram process takes its share.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ReplyShare, replyPacer, startReplyShare } from "../../bots/queue/reply-share.ts";
import {
  createThrowawayDatabase,
  describeWithPostgres,
  type ThrowawayDatabase,
} from "../helpers/postgres.ts";
import {
  claimRedisPrefix,
  describeWithRedis,
  type RedisPrefix,
  TEST_REDIS_URL,
} from "../helpers/redis.ts";

const REST = 10; // TELEGRAM_GLOBAL_RATE 30 less TELEGRAM_NUDGE_RATE 20

describe("reply pacing", () => {
  it("Should space replies at the share it is given, and follow a changed share", async () => {
    let share = 5;
    const clock = { now: 0 };
    const pacer = replyPacer(
      () => share,
      () => clock.now,
    );
    await pacer.acquire(); // at 0; the next at 200
    const waiting = pacer.acquire();
    clock.now = 200;
    await waiting;
    share = 10; // another process left: twice the share from the next reply on
    clock.now = 400;
    await pacer.acquire(); // 400 (was due at 400)
    clock.now = 500;
    await pacer.acquire(); // 100 ms later, not 200
  });
});

/** Two telegram processes' shares on one queue engine: each gets half, then all when alone. */
function sharedAcross(engine: () => Parameters<typeof startReplyShare>[0]["engine"]) {
  it("Should split the replies' rest between the telegram processes the queue engine sees", async () => {
    const log = () => {};
    const shares: ReplyShare[] = [];
    try {
      shares.push(await startReplyShare({ engine: engine(), total: REST, refreshMs: 200, log }));
      shares.push(await startReplyShare({ engine: engine(), total: REST, refreshMs: 200, log }));
      const until = Date.now() + 20_000;
      while (shares.some((share) => share.processes() !== 2) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(shares.map((share) => share.processes())).toEqual([2, 2]);
      expect(shares.map((share) => share.perSecond())).toEqual([REST / 2, REST / 2]);

      await shares.pop()?.stop();
      const alone = shares[0] as ReplyShare;
      while (alone.processes() !== 1 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(alone.perSecond()).toBe(REST);
    } finally {
      for (const share of shares) await share.stop();
    }
  }, 60_000);
}

describeWithPostgres("the replies' share on PostgreSQL", () => {
  let database: ThrowawayDatabase;
  beforeAll(async () => {
    database = await createThrowawayDatabase("repay_replies");
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });
  sharedAcross(() => ({ kind: "postgres", url: database.url }));
});

describeWithRedis("the replies' share on Redis", () => {
  let redis: RedisPrefix;
  beforeAll(async () => {
    redis = await claimRedisPrefix();
  });
  afterAll(async () => {
    await redis?.drop();
  });
  sharedAcross(() => ({ kind: "redis", url: TEST_REDIS_URL as string, prefix: redis.prefix }));
});
