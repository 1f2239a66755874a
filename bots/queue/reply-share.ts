// Replies' share of the bot's Telegram budget, held across every telegram process of the cluster.
//
// Nudges get TELEGRAM_NUDGE_RATE cluster-wide (the dispatch queue's limiter); replies keep the
// rest of TELEGRAM_GLOBAL_RATE, for the whole cluster, not per process. Each telegram process
// keeps one idle BullMQ worker on the replies queue, so the queue engine knows how many there are
// (`getWorkersCount`: PostgreSQL's pg_stat_activity or Redis's client list), and paces its own
// replies at the rest divided by that count, looked up again every few seconds. A process that
// joins or dies changes every other process's share at their next look.
import { queueClasses } from "./bullmq-classes.ts";
import type { QueueEngine } from "./queue-engine.ts";

export const REPLIES_QUEUE = "repay-replies";

/** How often each process counts the telegram processes. */
export const REPLY_SHARE_REFRESH_MS = 5_000;

export interface ReplyPacer {
  /** Resolves when one more reply message may go; reserves that moment. */
  acquire(): Promise<void>;
}

export interface ReplyShare extends ReplyPacer {
  /** Telegram processes the queue engine saw at the last look (at least this one). */
  processes(): number;
  /** This process's replies per second now. */
  perSecond(): number;
  stop(): Promise<void>;
}

/**
 * Evenly spaced sends at a rate that may change between calls.
 * @example const pacer = replyPacer(() => 5); await pacer.acquire();
 */
export function replyPacer(perSecond: () => number, now: () => number = Date.now): ReplyPacer {
  let next = 0;
  return {
    async acquire() {
      for (;;) {
        const at = now();
        if (next <= at) {
          next = Math.max(next, at) + 1000 / Math.max(0.1, perSecond());
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, next - at));
      }
    },
  };
}

/**
 * Joins the cluster's telegram processes on the queue engine and paces this one's replies at
 * `total` (replies per second for the whole cluster) over their number.
 *
 * @example const share = await startReplyShare({ engine, total: 10, log }); await share.acquire();
 */
export async function startReplyShare(options: {
  readonly engine: Exclude<QueueEngine, { kind: "none" }>;
  readonly total: number;
  readonly refreshMs?: number;
  readonly log: (line: string) => void;
}): Promise<ReplyShare> {
  const { queue, worker } = queueClasses(options.engine);
  const replies = queue(REPLIES_QUEUE);
  replies.on("error", (error) => options.log(`queue ${REPLIES_QUEUE}: ${error.message}`));
  // Never given a job: it is here to be counted.
  const member = worker(REPLIES_QUEUE, async () => undefined, { concurrency: 1 });
  member.on("error", (error) => options.log(`worker ${REPLIES_QUEUE}: ${error.message}`));
  await member.waitUntilReady();
  let processes = 1;
  const look = async () => {
    try {
      processes = Math.max(1, await replies.getWorkersCount());
    } catch (error) {
      options.log(`telegram: could not count the telegram processes: ${String(error)}`);
    }
  };
  await look();
  const timer = setInterval(() => void look(), options.refreshMs ?? REPLY_SHARE_REFRESH_MS);
  timer.unref();
  const perSecond = () => options.total / processes;
  const pacer = replyPacer(perSecond);
  return {
    acquire: () => pacer.acquire(),
    processes: () => processes,
    perSecond,
    async stop() {
      clearInterval(timer);
      await member.close();
      await replies.close();
    },
  };
}
