// Dispatch jobs: due rows become jobs of up to a second's worth of borrowers keyed by outbox id; a job run twice sends once.
import type { Queue } from "bullmq";
import { describe, expect, it } from "vitest";
import { planTick } from "../../bots/nudger/planner.ts";
import {
  type DispatchJobData,
  dispatchJobId,
  feedDispatchJobs,
  pausingSenders,
  runDispatchJob,
} from "../../bots/queue/dispatch-jobs.ts";
import { dispatchPacing } from "../../bots/queue/dispatch-pacing.ts";
import { sendSlots } from "../../bots/queue/send-slots.ts";
import { SendError } from "../../core/ports/channel-sender.ts";
import {
  borrowerWithLoan,
  clockedMemoryStore,
  nudgerDeps,
  recordingSender,
} from "../nudger/nudger-builders.ts";

const TEN_AM_NEW_YORK = "2026-03-03T15:00:00.000Z";

/**
 * A pool whose sends may go up to a second after their slot: a loaded test machine can wake a
 * timer tens of milliseconds late, and these tests are about which slot a message takes, not
 * about the late limit (send-slots.test.ts is).
 */
const looseSlots = () => sendSlots(Date.now, 1_000);

interface AddedJob {
  name: string;
  data: DispatchJobData;
  opts: { jobId: string };
}

async function plannedBook() {
  const { store, clock } = clockedMemoryStore(TEN_AM_NEW_YORK);
  await borrowerWithLoan(store, { ref: "1", firstDueDate: "2026-03-02", telegramId: 42 });
  await borrowerWithLoan(store, { ref: "2", firstDueDate: "2026-03-02", telegramId: 43 });
  const sender = recordingSender();
  const deps = nudgerDeps(store, clock, sender, []);
  expect((await planTick(deps.planner, clock.now)).planned).toBe(2);
  const added: AddedJob[] = [];
  // The jobs still in the queue (a test removes those that ran); the first add of an id wins.
  const waiting: AddedJob[] = [];
  const queue = {
    async addBulk(jobs: AddedJob[]) {
      added.push(...jobs);
      for (const job of jobs)
        if (!waiting.some((held) => held.opts.jobId === job.opts.jobId)) waiting.push(job);
      return [];
    },
    async getJobs() {
      return waiting.map((job) => ({ data: job.data }));
    },
  } as unknown as Queue;
  return { store, clock, sender, deps, added, waiting, queue };
}

describe("dispatch jobs", () => {
  it("Should offer one job per borrower's due rows, keyed by the first row's id and due time", async () => {
    const { store, clock, deps, added, queue } = await plannedBook();
    const due = await store.outbox.dueRows(clock.now, 10);

    expect(await feedDispatchJobs(deps.dispatcher, queue, clock.now)).toEqual({
      expired: 0,
      offered: 2,
    });
    expect(added.map((job) => job.data.ids)).toEqual(due.map((row) => [row.id]));
    expect(added.map((job) => job.opts.jobId)).toEqual(due.map(dispatchJobId));
    expect(dispatchJobId(due[0] as (typeof due)[number])).toBe(
      `nudge-${due[0]?.id}-${Date.parse(due[0]?.plannedFor ?? "")}`,
    );
  });

  it("Should put up to sendsPerJob borrowers in one job, keyed by its first row", async () => {
    const { store, clock, deps, added, queue } = await plannedBook();
    const due = await store.outbox.dueRows(clock.now, 10);

    expect(await feedDispatchJobs(deps.dispatcher, queue, clock.now, 2)).toEqual({
      expired: 0,
      offered: 2,
    });
    expect(added.map((job) => job.data.ids)).toEqual([due.map((row) => row.id)]);
    expect(added[0]?.opts.jobId).toBe(dispatchJobId(due[0] as (typeof due)[number]));
  });

  it("Should not offer again the rows a waiting job carries, so no job is cut that would claim nothing", async () => {
    const { store, clock, deps, added, waiting, queue } = await plannedBook();
    await feedDispatchJobs(deps.dispatcher, queue, clock.now);
    expect(added).toHaveLength(2);

    // The second job is still waiting; the first ran and its row was put back, due again.
    const [first] = waiting.splice(0, 1) as [AddedJob];
    const id = first.data.ids[0] as string;
    await store.outbox.claimIds([id], clock.now, "w", "2026-03-03T15:05:00.000Z");
    await store.outbox.reschedule(id, clock.now, ["RATE_LIMITED"]);
    added.length = 0;

    expect(await feedDispatchJobs(deps.dispatcher, queue, clock.now, 2)).toEqual({
      expired: 0,
      offered: 1,
    });
    expect(added.map((job) => job.data.ids)).toEqual([[id]]);
  });

  it("Should send a job's borrowers each in its own slot, the pacing's spacing apart", async () => {
    const { clock, deps, added, queue } = await plannedBook();
    await feedDispatchJobs(deps.dispatcher, queue, clock.now, 2);
    const job = added[0] as AddedJob;
    const sentAt: number[] = [];
    const timed = {
      ...deps.dispatcher,
      senders: {
        telegram: {
          async send() {
            sentAt.push(Date.now());
            return { providerMessageId: `t:${sentAt.length}` };
          },
        },
      },
    };
    const slots = looseSlots();
    const pacing = { ...dispatchPacing(2), slotSpacingMs: 400 };

    const started = Date.now();
    const result = await runDispatchJob(timed, job, {
      leaseSeconds: 120,
      slotDelayMs: 1_500,
      slots,
      pacing,
    });
    expect(result).toMatchObject({ claimed: 2, sent: 2 });
    expect(slots.counts()).toMatchObject({ added: 2, taken: 2, dropped: 0, missed: 0 });
    const [first, second] = sentAt as [number, number];
    // A send never goes before its slot: the first 1.5 s after the start, the second 400 ms later.
    expect(first).toBeGreaterThanOrEqual(started + 1_500);
    expect(second).toBeGreaterThanOrEqual(started + 1_900);
  });

  it("Should send a job's rows once, however many times the job runs", async () => {
    const { clock, sender, deps, added, queue } = await plannedBook();
    await feedDispatchJobs(deps.dispatcher, queue, clock.now);
    const job = added[0] as AddedJob;
    // A slot far enough ahead for the claim and re-check on a slow machine.
    const options = { leaseSeconds: 120, slotDelayMs: 2_000, slots: looseSlots() };

    expect(await runDispatchJob(deps.dispatcher, job, options)).toMatchObject({
      claimed: 1,
      sent: 1,
    });
    expect(await runDispatchJob(deps.dispatcher, job, options)).toEqual({ claimed: 0 });
    expect(sender.sent).toHaveLength(1);
  });

  it("Should leave the slot of a job that sent nothing to the next message", async () => {
    const { clock, sender, deps, added, queue } = await plannedBook();
    await feedDispatchJobs(deps.dispatcher, queue, clock.now);
    const job = added[0] as AddedJob;
    const slots = looseSlots();
    const options = { leaseSeconds: 120, slotDelayMs: 2_000, slots };

    await runDispatchJob(deps.dispatcher, job, options); // sends, in its own slot
    expect(slots.free()).toBe(0);
    expect(await runDispatchJob(deps.dispatcher, job, options)).toEqual({ claimed: 0 });
    expect(slots.free()).toBe(1); // the second run's start is a slot another message may use
    expect(sender.sent).toHaveLength(1);
  });

  it("Should send a job late for its own slot in the next free one, not put its rows back", async () => {
    const { clock, sender, deps, added, queue } = await plannedBook();
    await feedDispatchJobs(deps.dispatcher, queue, clock.now);
    const job = added[0] as AddedJob;
    const slots = looseSlots();
    const later = Date.now() + 1_500; // another job's start, whose message is not ready
    slots.add(later);

    const result = await runDispatchJob(deps.dispatcher, job, {
      leaseSeconds: 120,
      slotDelayMs: -5_000, // its own slot was over before its work began
      slots,
    });
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
    expect(Date.now()).toBeGreaterThanOrEqual(later);
    expect(sender.sent).toHaveLength(1);
    expect(slots.free()).toBe(0);
  });

  it("Should send nothing and put the rows back when the only slot comes after its lease nears its end", async () => {
    const { store, clock, sender, deps, added, queue } = await plannedBook();
    await feedDispatchJobs(deps.dispatcher, queue, clock.now);
    const job = added[0] as AddedJob;

    const result = await runDispatchJob(deps.dispatcher, job, {
      leaseSeconds: 1, // ends 1 s from now; its slot would be 2 s from now
      slotDelayMs: 2_000,
      slots: looseSlots(),
    });
    expect(result).toMatchObject({ claimed: 1, sent: 0, deferred: 1 });
    expect(sender.sent).toEqual([]);
    expect((await store.outbox.dueRows(clock.now, 10)).map((row) => row.id)).toContain(
      job.data.ids[0],
    );
  });

  it("Should send nothing and put the rows back when no send slot comes", async () => {
    const { store, clock, sender, deps, added, queue } = await plannedBook();
    await feedDispatchJobs(deps.dispatcher, queue, clock.now);
    const job = added[0] as AddedJob;

    const result = await runDispatchJob(deps.dispatcher, job, {
      leaseSeconds: 120,
      slotDelayMs: -5_000,
      slots: looseSlots(),
    });
    expect(result).toMatchObject({ claimed: 1, sent: 0, deferred: 1 });
    expect(sender.sent).toEqual([]);
    expect((await store.outbox.dueRows(clock.now, 10)).map((row) => row.id)).toContain(
      job.data.ids[0],
    );
  });

  it("Should prepare every message of a job at once, more than the dispatcher's usual 8, so each only waits for its slot", async () => {
    const { store, clock } = clockedMemoryStore(TEN_AM_NEW_YORK);
    for (let i = 0; i < 10; i++)
      await borrowerWithLoan(store, {
        ref: `m${i}`,
        firstDueDate: "2026-03-02",
        telegramId: 90 + i,
      });
    const slots = looseSlots();
    const freeAtSends: number[] = [];
    const deps = nudgerDeps(store, clock, {
      async send() {
        freeAtSends.push(slots.free());
        return { providerMessageId: `m:${freeAtSends.length}` };
      },
    });
    expect((await planTick(deps.planner, clock.now)).planned).toBe(10);
    const ids = (await store.outbox.dueRows(clock.now, 20)).map((row) => row.id);

    const result = await runDispatchJob(
      deps.dispatcher,
      { data: { ids } },
      {
        leaseSeconds: 120,
        slotDelayMs: 3_000, // room to prepare all ten on a loaded machine
        slots,
        pacing: { ...dispatchPacing(10), slotSpacingMs: 20 },
      },
    );
    expect(result).toMatchObject({ claimed: 10, sent: 10 });
    // At the first send every message already held its slot.
    expect(freeAtSends[0]).toBe(0);
  });

  it("Should put the rows back at once, not wait for a slot, when no free slot is left and no job waits to start", async () => {
    const { store, clock, sender, deps, added, queue } = await plannedBook();
    await feedDispatchJobs(deps.dispatcher, queue, clock.now);
    const job = { ...(added[0] as AddedJob), processedOn: Date.now() - 5_000 }; // its slot passed
    const slots = looseSlots();
    let asked = 0;

    const result = await runDispatchJob(deps.dispatcher, job, {
      leaseSeconds: 120,
      slotDelayMs: 2_000,
      slots,
      moreJobs: async () => {
        asked++;
        return false;
      },
    });
    expect(result).toMatchObject({ claimed: 1, sent: 0, deferred: 1 });
    expect(asked).toBe(1);
    expect(slots.counts()).toMatchObject({ dropped: 1, missed: 0 }); // no wait ran out
    expect(sender.sent).toEqual([]);
    expect((await store.outbox.dueRows(clock.now, 10)).map((row) => row.id)).toContain(
      job.data.ids[0],
    );
  });

  it("Should pause the cluster for a 429's retry_after, and not for a missed slot", async () => {
    const pauses: number[] = [];
    const throwing = (error: SendError) => ({
      telegram: {
        async send(): Promise<{ providerMessageId: string }> {
          throw error;
        },
      },
    });
    const pause = async (ms: number) => {
      pauses.push(ms);
    };
    const limited = pausingSenders(
      throwing(new SendError("rate_limited", "TOO_MANY_REQUESTS", "429", 7)),
      pause,
    );
    const missed = pausingSenders(
      throwing(new SendError("rate_limited", "SEND_SLOT_MISSED", "late", 0)),
      pause,
    );
    const message = { channel: "telegram" as const, borrowerId: "b", text: "hi" };

    await expect(limited.telegram?.send(message)).rejects.toMatchObject({
      reason: "TOO_MANY_REQUESTS",
    });
    await expect(missed.telegram?.send(message)).rejects.toMatchObject({
      reason: "SEND_SLOT_MISSED",
    });
    expect(pauses).toEqual([7_000]);
  });
});
