// Dispatch jobs: the feeder turns due outbox rows into jobs keyed by outbox id; any dispatcher sends them.
import type { Job, Queue } from "bullmq";
import {
  type ChannelSender,
  isSendError,
  type NudgeRow,
  SendError,
} from "../../core/ports/index.ts";
import {
  type DispatcherDeps,
  type DispatchTickResult,
  dispatchClaimed,
  workerOf,
} from "../nudger/dispatcher.ts";
import type { SendSlotTurn } from "../nudger/in-flight-sender.ts";
import { type DispatchPacing, dispatchPacing, slotsOfJob } from "./dispatch-pacing.ts";
import { type SendSlots, sleepUntil } from "./send-slots.ts";

/**
 * The rows of up to `sendsPerJob` borrowers due at one instant (each borrower's rows are one
 * message). Jobs added before jobs carried several borrowers hold one borrower's rows.
 */
export interface DispatchJobData {
  readonly ids: readonly string[];
}

/** Rows per feeder pass; the rest wait for the next one. */
const FEED_BATCH = 1_000;

/**
 * The id of a job is its first row's id and due instant: adding it again while it waits is a
 * no-op, and a row put back for later (deferred, 429) gets a new job at its new time. Should a
 * later pass cut the due rows differently, a row may be in two jobs: the first to run claims it,
 * the other claims nothing (the outbox row is the record of truth).
 */
export function dispatchJobId(row: NudgeRow): string {
  return `nudge-${row.id}-${Date.parse(row.plannedFor)}`;
}

/**
 * The rows of the jobs still waiting or running. A row put back (a lapsed lease, a missed
 * slot) may sort before rows already in jobs; cut again, those rows would form jobs that claim
 * nothing and spend the limiter's windows. So a pass offers only rows no job carries.
 */
async function rowsInJobs(queue: Queue): Promise<Set<string>> {
  const jobs = await queue.getJobs(["waiting", "prioritized", "delayed", "active"]);
  return new Set(jobs.flatMap((job) => (job?.data as DispatchJobData | undefined)?.ids ?? []));
}

/**
 * One feeder pass (run by one dispatcher per period, from a job scheduler): fails lapsed leases,
 * then enqueues the due rows no job carries yet, `sendsPerJob` borrowers to a job, in due order.
 * Returns how many borrowers' messages were offered.
 */
export async function feedDispatchJobs(
  deps: Pick<DispatcherDeps, "store">,
  queue: Queue,
  now: string,
  sendsPerJob = 1,
): Promise<{ readonly expired: number; readonly offered: number }> {
  const expired = await deps.store.outbox.expireLeases(now);
  const carried = await rowsInJobs(queue);
  const rows = (await deps.store.outbox.dueRows(now, FEED_BATCH)).filter(
    (row) => !carried.has(row.id),
  );
  const groups: NudgeRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1)?.[0];
    const same =
      last &&
      last.borrowerId === row.borrowerId &&
      last.channel === row.channel &&
      last.plannedFor === row.plannedFor;
    if (same) groups.at(-1)?.push(row);
    else groups.push([row]);
  }
  // A full batch may have cut the last borrower's rows: they go whole next pass.
  if (rows.length === FEED_BATCH && groups.length > 1) groups.pop();
  const jobs: NudgeRow[][] = [];
  for (let at = 0; at < groups.length; at += sendsPerJob) {
    jobs.push(groups.slice(at, at + sendsPerJob).flat());
  }
  await queue.addBulk(
    jobs.map((rowsOfJob) => ({
      name: "nudge",
      data: { ids: rowsOfJob.map((row) => row.id) } satisfies DispatchJobData,
      opts: {
        jobId: dispatchJobId(rowsOfJob[0] as NudgeRow),
        removeOnComplete: true,
        removeOnFail: true,
      },
    })),
  );
  return { expired, offered: groups.length };
}

export const SLOT_MISSED = "SEND_SLOT_MISSED";

/**
 * When the queue started the job: `processedOn` is the instant the limiter granted it (both
 * backends check the limiter at the fetching worker's timestamp), so slots keep the grants'
 * spacing whatever the delay before this process saw the job.
 */
function startOf(job: Pick<Job<DispatchJobData>, "processedOn">, now: number): number {
  const at = job.processedOn;
  return at !== undefined && at <= now ? at : now;
}

/**
 * Runs one dispatch job: its start adds its send slots (`slotDelayMs` after it, then one per
 * `pacing.slotSpacingMs`) to the process's pool, then it claims its rows that are still planned
 * (a job run twice, or a row another dispatcher took, claims nothing: the outbox row is the
 * record of truth), re-checks and renders each borrower's message, and sends each in the
 * earliest free slot (see send-slots.ts). A message with no slot within twice the delay, or
 * none before its lease nears its end, sends nothing and its rows go back.
 */
export async function runDispatchJob(
  deps: DispatcherDeps,
  job: Pick<Job<DispatchJobData>, "data" | "processedOn">,
  options: {
    readonly leaseSeconds: number;
    readonly slotDelayMs: number;
    readonly slots: SendSlots;
    /** Default: one slot per job, as for a rate of 1 a second. */
    readonly pacing?: DispatchPacing;
    /**
     * Whether more dispatch jobs wait to start (their starts are the only new slots). A message
     * that finds no free slot when none do puts its rows back at once instead of waiting.
     */
    readonly moreJobs?: () => Promise<boolean>;
  },
): Promise<DispatchTickResult | { readonly claimed: 0 }> {
  const { slots, slotDelayMs } = options;
  const pacing = options.pacing ?? dispatchPacing(1);
  for (const slot of slotsOfJob(startOf(job, Date.now()), slotDelayMs, pacing)) slots.add(slot);
  const clock = deps.clock ?? (() => new Date().toISOString());
  const now = clock();
  const leaseUntil = new Date(Date.parse(now) + options.leaseSeconds * 1000).toISOString();
  const rows = await deps.store.outbox.claimIds(job.data.ids, now, workerOf(deps), leaseUntil);
  if (rows.length === 0) return { claimed: 0 };
  // A send must go well inside the lease: after it, the feeder fails a row whose send started.
  const marginMs = Math.min(5_000, options.leaseSeconds * 100);
  const sendBy = Date.now() + options.leaseSeconds * 1000 - marginMs;
  return dispatchClaimed(
    {
      ...deps,
      // Every message of the job is prepared at once: each then only waits for its slot.
      concurrency: Math.max(deps.concurrency ?? 8, pacing.sendsPerJob),
      sendSlot: () =>
        slotTurn(slots, {
          maxWaitMs: Math.min(slotDelayMs * 2, 60_000),
          sendBy,
          moreJobs: options.moreJobs ?? (async () => true),
        }),
      leaseSeconds: options.leaseSeconds,
    },
    rows,
    leaseUntil,
  );
}

/**
 * One send's turn: before the mark, the earliest free slot, less the time a mark takes, so the
 * send itself is on time; after the mark, the rest of the slot. A mark that ran past it, or a
 * wake-up late for it (a busy event loop), takes the next free one: the send goes in a slot, or
 * not at all. With no free slot, it waits for the next job's start only if a job waits to start.
 */
function slotTurn(
  slots: SendSlots,
  limits: {
    readonly maxWaitMs: number;
    readonly sendBy: number;
    readonly moreJobs: () => Promise<boolean>;
  },
): SendSlotTurn {
  const { maxWaitMs, sendBy } = limits;
  let slot = 0;
  let markStarted = 0;
  const nextSlot = async () => {
    if (slots.free() === 0 && !(await limits.moreJobs())) throw slotMissed();
    const taken = await slots.take(Math.min(maxWaitMs, sendBy - Date.now()));
    if (taken === undefined || taken > sendBy) throw slotMissed();
    slot = taken;
  };
  return {
    async beforeMark() {
      await nextSlot();
      await sleepUntil(slot - slots.markLeadMs());
      markStarted = Date.now();
    },
    async atSlot() {
      slots.noteMark(Date.now() - markStarted);
      for (;;) {
        const late = Date.now() - slot;
        if (late > slots.lateLimitMs) await nextSlot();
        else if (late < 0) await sleepUntil(slot);
        else return;
      }
    },
  };
}

/** No send slot came: nothing was sent, reported like a 429 with no wait, so the rows are planned again. */
function slotMissed(): SendError {
  return new SendError("rate_limited", SLOT_MISSED, "no send slot came in time", 0);
}

/**
 * Wraps each sender so that a 429 pauses the whole cluster's dispatch queue for `retry_after`
 * (the row itself is put back by the dispatcher, as in one process).
 */
export function pausingSenders(
  senders: DispatcherDeps["senders"],
  pause: (ms: number) => Promise<void>,
): DispatcherDeps["senders"] {
  const pausing = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (isSendError(error) && error.kind === "rate_limited" && error.reason !== SLOT_MISSED) {
        await pause((error.retryAfterSeconds ?? 1) * 1000);
      }
      throw error;
    }
  };
  const wrap = (sender: ChannelSender): ChannelSender => {
    const { prepare } = sender;
    return {
      send: (message) => pausing(() => sender.send(message)),
      ...(prepare
        ? {
            prepare: async (message) => {
              const prepared = await prepare.call(sender, message);
              return { send: () => pausing(() => prepared.send()) };
            },
          }
        : {}),
    };
  };
  return Object.fromEntries(
    Object.entries(senders).map(([channel, sender]) => [channel, sender && wrap(sender)]),
  );
}
