// SIGKILL the dispatcher 20 times mid-run against PostgreSQL: no nudge is ever delivered twice.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../../prisma/database.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api/index.ts";
import { childScript } from "../helpers/child-script.ts";
import {
  createThrowawayDatabase,
  describeWithPostgres,
  POSTGRES_SKIP_REASON,
  TEST_POSTGRES_URL,
  type ThrowawayDatabase,
} from "../helpers/postgres.ts";
import { writeBulkBook, writePlannedNudges } from "./bulk-book.ts";

const NUDGES = Number(process.env.CRASH_TEST_NUDGES ?? 1_000);
const KILLS = 20;
/**
 * Each run is killed after its k-th delivery (k drawn from 1..this), counted by what the fake
 * Telegram saw, not by the clock: the 20 runs deliver at most half of the book between them, so
 * every kill happens mid-run however fast or slow the machine sends.
 */
const MAX_DELIVERIES_PER_RUN = Math.max(1, Math.floor(NUDGES / (KILLS * 2)));
/** The longest wait after that delivery before the kill: some kills land between send and mark. */
const MAX_KILL_DELAY_MS = 40;
const SENDER_RATE = 50;
const SIM_BASE = "2026-03-03T15:00:00.000Z"; // 10:00 in New York, the borrowers' zone
const CHILD = fileURLToPath(new URL("./crash-dispatcher.ts", import.meta.url));
/** How node runs CHILD: compiled once, since it starts 21 times (see childScript). */
let childArgs: string[] = [];

if (!TEST_POSTGRES_URL) console.info(`dispatcher crash test ${POSTGRES_SKIP_REASON}`);

/** mulberry32: the kill points replay for a given seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  readonly child: ChildProcess;
  /** Resolves when the child starts claiming (true) or exits first (false). */
  readonly claiming: Promise<boolean>;
  readonly exited: Promise<number | null>;
}

function startDispatcher(env: Record<string, string>): Run {
  // node itself, not a wrapper: SIGKILL must hit the process that holds the claims.
  const child = spawn(process.execPath, childArgs, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
    if (process.env.CRASH_TRACE) process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      if (code !== 0 && code !== null) console.error(`crash-dispatcher exited ${code}: ${stderr}`);
      resolve(code);
    }),
  );
  const spawnedAt = Date.now();
  if (process.env.CRASH_TRACE) console.error(`spawn at ${spawnedAt}`);
  const claiming = new Promise<boolean>((resolve) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("claiming")) resolve(true);
    });
    void exited.then(() => resolve(false));
  });
  return { child, claiming, exited };
}

describeWithPostgres("dispatcher crash test", () => {
  let database: ThrowawayDatabase;
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let fake: FakeTelegram;

  beforeAll(async () => {
    childArgs = childScript(CHILD);
    database = await createThrowawayDatabase("repay_crash");
    db = await openDatabase({ url: database.url });
    await writeBulkBook(db.prisma, { count: NUDGES, firstChatId: 100_000 });
    await writePlannedNudges(db.prisma, { count: NUDGES, plannedFor: SIM_BASE });
    fake = await startFakeTelegram({ perChatPerSecond: 1, globalPerSecond: 1_000 });
  }, 120_000);

  afterAll(async () => {
    await fake?.close();
    await db?.close();
    await database?.drop();
  });

  it(`Should deliver none of ${NUDGES} nudges twice across ${KILLS} SIGKILLs, and settle every one`, async () => {
    const seed = Number(process.env.CRASH_TEST_SEED ?? 20260303);
    const next = random(seed);
    const env = {
      DATABASE_URL: database.url,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_TOKEN: fake.token,
      SIM_BASE,
      REAL_BASE: String(Date.now()),
      SENDER_RATE: String(SENDER_RATE),
      // Long enough for a cold process's first batch on a loaded machine (it took 5 s on 2 busy
      // cores: a shorter lease lapsed before the sends and wasted every run's first batch).
      LEASE_SECONDS: "10",
    };
    const started = Date.now();
    let kills = 0;
    while (kills < KILLS) {
      const run = startDispatcher(env);
      if (!(await run.claiming)) break; // everything already settled
      const target = fake.sentMessages().length + 1 + Math.floor(next() * MAX_DELIVERIES_PER_RUN);
      const reached = await Promise.race([
        fake
          .waitFor(() => fake.sentMessages().length >= target, 120_000)
          .then(() => true)
          .catch(() => false),
        run.exited.then(() => false),
      ]);
      if (!reached) break; // the run finished the book before its k-th delivery
      await new Promise((resolve) => setTimeout(resolve, next() * MAX_KILL_DELAY_MS));
      if (process.env.CRASH_TRACE) {
        console.error(`kill ${kills + 1} after ${fake.sentMessages().length} deliveries`);
      }
      run.child.kill("SIGKILL");
      await run.exited;
      kills++;
    }
    const killedAfterMs = Date.now() - started;
    const sentBeforeLast = fake.sentMessages().length;
    const last = startDispatcher({ ...env, SENDER_RATE: "800" }); // never killed: full speed
    expect(await last.exited).toBe(0);
    const elapsedMs = Date.now() - started;

    const deliveries = new Map<string, number>();
    for (const message of fake.sentMessages()) {
      const tag = /\[rows:([^\]]+)\]$/.exec(message.text)?.[1] ?? "";
      for (const id of tag.split(",")) deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
    }
    const rows = await db.prisma.nudgeOutbox.findMany({
      select: { id: true, status: true, lastError: true, providerMessageId: true },
    });
    const byStatus = (status: string) => rows.filter((row) => row.status === status);
    const twice = [...deliveries.entries()].filter(([, count]) => count > 1);
    const sentButNotMarked = rows.filter((row) => row.status !== "sent" && deliveries.has(row.id));
    console.info(
      `crash test (seed ${seed}): ${NUDGES} nudges, ${kills} SIGKILLs, ${elapsedMs} ms ` +
        `(kills over ${killedAfterMs} ms, ${sentBeforeLast} delivered by then); ` +
        `sent ${byStatus("sent").length}, failed ${byStatus("failed").length} ` +
        `(lease expired ${rows.filter((r) => r.lastError === "lease expired").length}), ` +
        `delivered but not marked sent ${sentButNotMarked.length}, delivered twice ${twice.length}`,
    );

    expect(kills).toBe(KILLS);
    expect(twice).toEqual([]);
    expect(byStatus("planned")).toEqual([]);
    expect(byStatus("claimed")).toEqual([]);
    expect(
      rows.every((row) => row.status === "sent" || (row.status === "failed" && row.lastError)),
    ).toBe(true);
    for (const row of byStatus("sent")) expect(deliveries.get(row.id), row.id).toBe(1);
    // Only a crash between send and markSent loses a nudge: at most one claimed batch per kill.
    expect(byStatus("failed").length).toBeLessThanOrEqual(KILLS * 16);
  }, 600_000);
});
