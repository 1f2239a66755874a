// BullMQ's Queue and Worker bound to the chosen backend: Redis (ioredis) or PostgreSQL (pg).
import {
  createPostgresBackend,
  createRedisBackend,
  type QueueOptions,
  type Queue as RedisQueue,
  type Worker as RedisWorker,
  type WorkerOptions,
  withBackend,
} from "bullmq";
import type { QueueEngine } from "./queue-engine.ts";

/** BullMQ's tables live in their own schema of the product's database. */
export const QUEUE_SCHEMA = "repay_queue";

type Processor = ConstructorParameters<typeof RedisWorker>[1];
type WorkerSettings = Omit<WorkerOptions, "connection">;

/** The two BullMQ classes the cluster uses, whatever the backend. */
export interface QueueClasses {
  queue(name: string): RedisQueue;
  worker(name: string, processor: Processor, settings?: WorkerSettings): RedisWorker;
}

function redisConnection(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
    // Workers block on Redis; BullMQ requires this for them.
    maxRetriesPerRequest: null,
  };
}

/**
 * @example const { queue, worker } = queueClasses({ kind: "postgres", url: process.env.DATABASE_URL });
 */
export function queueClasses(engine: Exclude<QueueEngine, { kind: "none" }>): QueueClasses {
  if (engine.kind === "redis") {
    const connection = redisConnection(engine.url);
    const { Queue, Worker } = withBackend(createRedisBackend);
    return {
      queue: (name) =>
        new Queue(name, {
          connection,
          prefix: engine.prefix,
        } as QueueOptions) as unknown as RedisQueue,
      worker: (name, processor, settings = {}) =>
        new Worker(name, processor, {
          ...settings,
          connection,
          prefix: engine.prefix,
        }) as unknown as RedisWorker,
    };
  }
  // Small pools: every process opens one per queue and worker, plus a LISTEN connection per
  // worker. At 5 each, six dispatcher processes on one PostgreSQL (max_connections 100) ran out
  // of connections, and jobs failed with "too many clients"; 2 is enough for a job a second.
  const connection = { connectionString: engine.url, schema: QUEUE_SCHEMA, migrate: true, max: 2 };
  const { Queue, Worker } = withBackend(createPostgresBackend);
  return {
    queue: (name) => new Queue(name, { connection }) as unknown as RedisQueue,
    worker: (name, processor, settings = {}) =>
      new Worker(name, processor, { ...settings, connection }) as unknown as RedisWorker,
  };
}
