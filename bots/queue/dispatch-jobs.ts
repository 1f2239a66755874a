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

/** The rows of one borrower due at one instant: sent as one message, so one job. */
export interface DispatchJobData {
  readonly ids: readonly string[];
}

/** Rows per feeder pass; the rest wait for the next one. */
const FEED_BATCH = 1_000;

/**
 * The id of a job is its first row's id and due instant: adding it again while it waits is a
 * no-op, and a row put back for later (deferred, 429) gets a new job at its new time.
 */
export function dispatchJobId(row: NudgeRow): string {
  return `nudge-${row.id}-${Date.parse(row.plannedFor)}`;
}

/**
 * One feeder pass (run by one dispatcher per period, from a job scheduler): fails lapsed leases,
 * then enqueues a job for each borrower's due rows. Returns how many groups were offered.
 */
export async function feedDispatchJobs(
  deps: Pick<DispatcherDeps, "store">,
  queue: Queue,
  now: string,
): Promise<{ readonly expired: number; readonly offered: number }> {
  const expired = await deps.store.outbox.expireLeases(now);
  const rows = await deps.store.outbox.dueRows(now, FEED_BATCH);
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
  await queue.addBulk(
    groups.map((group) => ({
      name: "nudge",
      data: { ids: group.map((row) => row.id) } satisfies DispatchJobData,
      opts: {
        jobId: dispatchJobId(group[0] as NudgeRow),
        removeOnComplete: true,
        removeOnFail: true,
      },
    })),
  );
  return { expired, offered: groups.length };
}

/**
 * The queue's limiter spaces job starts; a job sends at its start plus a fixed `slotDelayMs`, so
 * the sends keep the starts' spacing however long the claim, re-check and rendering took. A job
 * whose work ran past its slot (by more than `SLOT_TOLERANCE_MS`) sends nothing: its rows go back
 * to planned and get a new slot, so a slow machine sends later, never faster than the rate.
 */
export const SLOT_TOLERANCE_MS = 40;
export const SLOT_MISSED = "SEND_SLOT_MISSED";

/**
 * Runs one dispatch job: claims its rows that are still planned (a job run twice, or a row
 * another dispatcher took, claims nothing: the outbox row is the record of truth) and sends them
 * in the job's send slot.
 */
export async function runDispatchJob(
  deps: DispatcherDeps,
  job: Pick<Job<DispatchJobData>, "data">,
  options: { readonly leaseSeconds: number; readonly slotDelayMs: number },
): Promise<DispatchTickResult | { readonly claimed: 0 }> {
  const slotAt = Date.now() + options.slotDelayMs;
  const clock = deps.clock ?? (() => new Date().toISOString());
  const now = clock();
  const leaseUntil = new Date(Date.parse(now) + options.leaseSeconds * 1000).toISOString();
  const rows = await deps.store.outbox.claimIds(job.data.ids, now, workerOf(deps), leaseUntil);
  if (rows.length === 0) return { claimed: 0 };
  return dispatchClaimed(
    {
      ...deps,
      untilSendSlot: untilSlot(slotAt),
      checkSendSlot: () => missedSlot(slotAt),
      leaseSeconds: options.leaseSeconds,
    },
    rows,
    leaseUntil,
  );
}

/** Waits for the job's send slot; the send is marked in flight only after it (in-flight-sender). */
function untilSlot(slotAt: number): () => Promise<void> {
  return async () => {
    missedSlot(slotAt);
    const wait = slotAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
}

/** Throws SLOT_MISSED when the slot is past by more than the tolerance. */
function missedSlot(slotAt: number): void {
  if (slotAt - Date.now() < -SLOT_TOLERANCE_MS) {
    // Nothing was sent: reported like a 429 with no wait, so the rows are simply planned again.
    throw new SendError("rate_limited", SLOT_MISSED, "the job's send slot had passed", 0);
  }
}

type Send = ChannelSender["send"];

function mapSenders(
  senders: DispatcherDeps["senders"],
  wrap: (sender: ChannelSender) => Send,
): DispatcherDeps["senders"] {
  return Object.fromEntries(
    Object.entries(senders).map(([channel, sender]) => [channel, sender && { send: wrap(sender) }]),
  );
}

/**
 * Wraps each sender so that a 429 pauses the whole cluster's dispatch queue for `retry_after`
 * (the row itself is put back by the dispatcher, as in one process).
 */
export function pausingSenders(
  senders: DispatcherDeps["senders"],
  pause: (ms: number) => Promise<void>,
): DispatcherDeps["senders"] {
  return mapSenders(senders, (sender) => async (message) => {
    try {
      return await sender.send(message);
    } catch (error) {
      if (isSendError(error) && error.kind === "rate_limited" && error.reason !== SLOT_MISSED) {
        await pause((error.retryAfterSeconds ?? 1) * 1000);
      }
      throw error;
    }
  });
}
