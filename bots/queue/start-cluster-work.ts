// The shared work on BullMQ: one planner tick and one digest per period cluster-wide, dispatch jobs for all.
import { hostname } from "node:os";
import type { Job, Queue, Worker } from "bullmq";
import type { PeriodClaims } from "../../core/ports/index.ts";
import type { DispatcherDeps } from "../nudger/dispatcher.ts";
import { queueClasses } from "./bullmq-classes.ts";
import {
  type DispatchJobData,
  feedDispatchJobs,
  pausingSenders,
  runDispatchJob,
} from "./dispatch-jobs.ts";
import { defaultConcurrency, dispatchPacing } from "./dispatch-pacing.ts";
import { oncePerPeriod, PERIOD_CLAIMS_KEPT_DAYS } from "./once-per-period.ts";
import type { QueueEngine } from "./queue-engine.ts";
import { type SlotCounts, sendSlots } from "./send-slots.ts";

export const QUEUE_NAMES = {
  planner: "repay-planner",
  feed: "repay-feed",
  dispatch: "repay-dispatch",
  digest: "repay-digest",
} as const;

export interface ClusterWorkOptions {
  readonly engine: Exclude<QueueEngine, { kind: "none" }>;
  readonly log: (line: string) => void;
  /** Where the planner tick and the digest claim their period: a re-run job does nothing. */
  readonly periods: PeriodClaims;
  /** Who claims (in the period claims). Default `<host>:<pid>`. */
  readonly workerId?: string;
  /** This process takes planner ticks. */
  readonly planner?: { readonly everyMs: number; readonly tick: () => Promise<unknown> };
  /** This process feeds and runs dispatch jobs. */
  readonly dispatcher?: {
    readonly deps: DispatcherDeps;
    /** Nudges per second across the whole cluster (TELEGRAM_NUDGE_RATE). */
    readonly perSecond: number;
    readonly leaseSeconds: number;
    /** Dispatch jobs this process runs at once. Default: enough for this process to use the whole rate. */
    readonly concurrency?: number;
    /** A job sends this long after its start (REPAY_SEND_SLOT_MS). Default SEND_SLOT_DELAY_MS. */
    readonly slotDelayMs?: number;
    /** How often due rows become jobs. Default 1 s. */
    readonly feedEveryMs?: number;
  };
  /** This process posts the agents' digest, on a cron pattern in a zone. */
  readonly digest?: {
    readonly cron: string;
    readonly timeZone: string;
    readonly post: () => Promise<void>;
  };
  /** Called after each job this process ran, for metrics. */
  readonly onJob?: (queue: string, ms: number, ok: boolean) => void;
}

export interface ClusterWork {
  /** Pauses every process's nudge sends for `ms` (a 429's retry_after). */
  pauseSends(ms: number): Promise<void>;
  /** Dispatch jobs waiting, delayed or running, cluster-wide. */
  dispatchDepth(): Promise<number>;
  /** Stops taking jobs, waits for the ones running here, closes the connections. */
  stop(): Promise<void>;
}

/**
 * Upserts a job scheduler. Every process of a role does so at start; on Redis two doing it at
 * the same instant may find the iteration's job already added by the other ("job ID already
 * exists"): the scheduler is there, which is all this wanted.
 */
async function upsertScheduler(
  queue: Queue,
  ...args: Parameters<Queue["upsertJobScheduler"]>
): Promise<void> {
  try {
    await queue.upsertJobScheduler(...args);
  } catch (error) {
    if (!(error instanceof Error && /job ID already exists/i.test(error.message))) throw error;
  }
}

/** How long after its start a dispatch job sends, by default: room for the claim, re-check and rendering. */
export const SEND_SLOT_DELAY_MS = 3_000;

/**
 * Starts this process's share of the cluster's work: the queues every role needs, the job
 * schedulers (upserting one is idempotent, so every process may) and the workers of its roles.
 * A scheduler's job may be delivered twice (a stalled job is re-run); the planner tick and the
 * digest claim their period first (once-per-period.ts), so a second run does nothing.
 *
 * @example const work = await startClusterWork({ engine, log, periods: store.periods, dispatcher: { deps, perSecond: 20, leaseSeconds: 120 } });
 */
export async function startClusterWork(options: ClusterWorkOptions): Promise<ClusterWork> {
  const { queue, worker } = queueClasses(options.engine);
  const { log, periods } = options;
  const me = options.workerId ?? `${hostname()}:${process.pid}`;
  const queues: Queue[] = [];
  const workers: Worker[] = [];
  const open = (name: string) => {
    const opened = queue(name);
    opened.on("error", (error) => log(`queue ${name}: ${error.message}`));
    queues.push(opened);
    return opened;
  };
  const run = (
    name: string,
    work: (job: Job) => Promise<unknown>,
    settings: Parameters<typeof worker>[2] = {},
  ) => {
    const started = worker(
      name,
      async (job: Job) => {
        const at = Date.now();
        try {
          const result = await work(job);
          options.onJob?.(name, Date.now() - at, true);
          return result;
        } catch (error) {
          options.onJob?.(name, Date.now() - at, false);
          throw error;
        }
      },
      settings,
    );
    started.on("error", (error) => log(`worker ${name}: ${error.message}`));
    started.on("failed", (job, error) => log(`job ${name} ${job?.id ?? "?"}: ${error.message}`));
    workers.push(started);
    return started;
  };

  const dispatchQueue = open(QUEUE_NAMES.dispatch);
  let slotCounts: (() => SlotCounts) | undefined;
  const pauseSends = (ms: number) => dispatchQueue.rateLimit(Math.max(1, Math.ceil(ms)));

  if (options.planner) {
    const planner = options.planner;
    const plannerQueue = open(QUEUE_NAMES.planner);
    await upsertScheduler(
      plannerQueue,
      "planner-tick",
      { every: planner.everyMs },
      { name: "tick", opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
    run(
      QUEUE_NAMES.planner,
      oncePerPeriod(
        periods,
        "planner-tick",
        me,
        async (job) => {
          log(`planner: tick ${job.id}`);
          const result = await planner.tick();
          const kept = Date.now() - PERIOD_CLAIMS_KEPT_DAYS * 86_400_000;
          await periods.pruneBefore(new Date(kept).toISOString());
          return result;
        },
        log,
      ),
    );
  }

  if (options.dispatcher) {
    const { deps, perSecond, leaseSeconds } = options.dispatcher;
    const slotDelayMs = options.dispatcher.slotDelayMs ?? SEND_SLOT_DELAY_MS;
    const feedQueue = open(QUEUE_NAMES.feed);
    // One feeder pass at a time in the whole cluster: two at once would each offer the rows
    // the other is offering, cut differently, as jobs that claim nothing.
    await feedQueue.setGlobalConcurrency(1);
    await upsertScheduler(
      feedQueue,
      "feed-dispatch",
      { every: options.dispatcher.feedEveryMs ?? 1_000 },
      { name: "feed", opts: { removeOnComplete: true, removeOnFail: true } },
    );
    const clock = deps.clock ?? (() => new Date().toISOString());
    const pacing = dispatchPacing(perSecond);
    run(QUEUE_NAMES.feed, () => feedDispatchJobs(deps, dispatchQueue, clock(), pacing.sendsPerJob));
    const paced = { ...deps, senders: pausingSenders(deps.senders, pauseSends) };
    const slots = sendSlots();
    slotCounts = () => slots.counts();
    run(
      QUEUE_NAMES.dispatch,
      (job) =>
        runDispatchJob(paced, job as Job<DispatchJobData>, {
          leaseSeconds,
          slotDelayMs,
          slots,
          pacing,
          moreJobs: async () => {
            const counts = await dispatchQueue.getJobCounts("waiting", "prioritized", "delayed");
            return Object.values(counts).some((count) => count > 0);
          },
        }),
      {
        // Jobs wait for their slots: enough of them in flight to use the whole rate.
        concurrency: options.dispatcher.concurrency ?? defaultConcurrency(pacing, slotDelayMs),
        limiter: pacing.limiter,
      },
    );
  }

  if (options.digest) {
    const digest = options.digest;
    const digestQueue = open(QUEUE_NAMES.digest);
    await upsertScheduler(
      digestQueue,
      "agents-digest",
      { pattern: digest.cron, tz: digest.timeZone },
      { name: "digest", opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
    run(
      QUEUE_NAMES.digest,
      oncePerPeriod(
        periods,
        "agents-digest",
        me,
        async (job) => {
          log(`slack: digest ${job.id}`);
          return digest.post();
        },
        log,
      ),
    );
  }

  return {
    pauseSends,
    async dispatchDepth() {
      const counts = await dispatchQueue.getJobCounts(
        "waiting",
        "delayed",
        "active",
        "prioritized",
      );
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    },
    async stop() {
      // Workers first: each waits for the jobs it is running, so nothing it claimed is left to a lease.
      await Promise.all(workers.map((started) => started.close()));
      const slotsUsed = slotCounts?.();
      if (slotsUsed) log(`dispatch: send slots ${JSON.stringify(slotsUsed)}`);
      await Promise.all(queues.map((opened) => opened.close()));
    },
  };
}
