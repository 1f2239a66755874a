// Three real product processes on one PostgreSQL database share the work through BullMQ, on either backend.
import { afterAll, beforeAll, expect, it } from "vitest";
import { writeDueBook } from "../../bench/lib/due-book.ts";
import { openDatabase } from "../../prisma/database.ts";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api/index.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api/index.ts";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../helpers/postgres.ts";
import { type ProductProcess, startProductProcess } from "../helpers/product-process.ts";

const NUDGES = 30;
const PROCESSES = 3;
const PERIOD_SECONDS = 2;

/** Each scheduled job id a process logged for `what` ("planner: tick <id>", "slack: digest <id>"). */
function jobIds(processes: readonly ProductProcess[], what: RegExp): string[] {
  return processes.flatMap((started) =>
    [...started.output().matchAll(what)].map((m) => m[1] as string),
  );
}

/** Where the queue lives: its settings for the processes, and the line each logs when it uses it. */
export interface QueueUnderTest {
  readonly banner: RegExp;
  open(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** The cluster's promises, checked on one queue backend (call inside a describe). */
export function clusterSuite(queue: QueueUnderTest): void {
  let database: ThrowawayDatabase;
  let queueEnv: Record<string, string> = {};
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let telegram: FakeTelegram;
  let slack: FakeSlack;
  const processes: ProductProcess[] = [];

  beforeAll(async () => {
    database = await createThrowawayDatabase("repay_cluster");
    db = await openDatabase({ url: database.url });
    await writeDueBook(db.prisma, { count: NUDGES, firstChatId: 700_000, prefix: "cluster" });
    telegram = await startFakeTelegram({ globalPerSecond: 30, perChatPerSecond: 1 });
    slack = await startFakeSlack();
    queueEnv = await queue.open();
  }, 120_000);

  afterAll(async () => {
    for (const started of processes) started.child.kill("SIGKILL");
    await telegram?.close();
    await slack?.close();
    await db?.close();
    await database?.drop();
    await queue.close();
  });

  it(`Should send each of ${NUDGES} nudges once from ${PROCESSES} dispatchers, tick the planner and post the digest once per period, and stop cleanly`, async () => {
    const env = {
      DATABASE_URL: database.url,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_NUDGE_RATE: "20",
      REPAY_DISPATCH_LEASE_SECONDS: "15",
      REPAY_PLAN_EVERY_SECONDS: String(PERIOD_SECONDS),
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: "cluster-test-signing-secret",
      SLACK_API_URL: slack.apiUrl,
      SLACK_PORT: "0",
      REPAY_SLACK_DIGEST_CRON: `*/${PERIOD_SECONDS} * * * * *`,
      ...queueEnv,
    };
    for (let i = 0; i < PROCESSES; i++) {
      processes.push(startProductProcess("planner,dispatcher,slack", env));
    }
    await Promise.all(processes.map((started) => started.waitFor(queue.banner)));

    const bookRows = () =>
      db.prisma.nudgeOutbox.findMany({
        where: { id: { startsWith: "cluster-n-" } },
        select: { id: true, status: true, lastError: true, reasonCodes: true },
      });
    const until = Date.now() + 120_000;
    while ((await bookRows()).some((row) => row.status === "planned" || row.status === "claimed")) {
      if (Date.now() > until) throw new Error("the book was not settled within 120 s");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Let a few more periods pass so each process had the chance to tick and post twice.
    const ticksBefore = jobIds(processes, /planner: tick (\S+)/g).length;
    while (jobIds(processes, /planner: tick (\S+)/g).length < ticksBefore + 3) {
      if (Date.now() > until) throw new Error("the planner stopped ticking");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const exits = await Promise.all(processes.map((started) => started.stop()));

    const rows = await bookRows();
    const perChat = new Map<number, number>();
    for (const message of telegram.sentMessages()) {
      perChat.set(message.chat_id, (perChat.get(message.chat_id) ?? 0) + 1);
    }
    const duplicates = [...perChat.values()].filter((count) => count > 1);
    const lost = rows.filter(
      (row) =>
        !(
          row.status === "sent" ||
          (row.status === "failed" && row.lastError) ||
          (row.status === "suppressed" && row.reasonCodes.length > 0)
        ),
    );
    const ticks = jobIds(processes, /planner: tick (\S+)/g);
    const digests = jobIds(processes, /slack: digest (\S+)/g);
    const digestPosts = slack
      .calls("chat.postMessage")
      .filter((call) => String(call.args.text ?? "").startsWith("Daily queue"));

    expect(exits).toEqual(processes.map(() => 0));
    expect(duplicates).toEqual([]);
    expect(lost).toEqual([]);
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(perChat.size);
    // One job per period, whichever process took it: no id twice, and as many posts as digest jobs.
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(digests.length).toBeGreaterThanOrEqual(1);
    expect(new Set(digests).size).toBe(digests.length);
    expect(digestPosts).toHaveLength(digests.length);
    // The record of truth: one claim per period in our database, one logged run per claim.
    const claims = await db.prisma.periodClaim.findMany({ select: { key: true } });
    const claimed = (scheduler: string) =>
      claims.filter((claim) => claim.key.startsWith(`${scheduler}:`)).length;
    expect(claimed("planner-tick")).toBe(ticks.length);
    expect(claimed("agents-digest")).toBe(digests.length);
    // Work was shared: sends are paced cluster-wide, so every process can have taken some.
    expect(processes.every((started) => /stopped/.test(started.output()))).toBe(true);
  }, 300_000);
}
