// Scale benchmark: N real product processes (dispatcher role) share one PostgreSQL book and one
// Telegram budget through the queue engine; optionally SIGKILLs some of them mid-run.
//   npm run bench:scale -- --processes 3 --nudges 600 --rate 10 [--kill 3] [--queue redis]
// PostgreSQL comes from TEST_POSTGRES_URL (else DATABASE_URL); a throwaway database is created and dropped.
import os from "node:os";
import { parseArgs } from "node:util";
import { openDatabase } from "../prisma/database.ts";
import { startFakeTelegram } from "../test/fakes/telegram-api/index.ts";
import { type ProductProcess, startProductProcess } from "../test/helpers/product-process.ts";
import { positiveInt } from "./lib/cli-args.ts";
import { writeDueBook } from "./lib/due-book.ts";
import { round } from "./lib/measure.ts";
import { sendStats } from "./lib/send-stats.ts";

const { values } = parseArgs({
  options: {
    processes: { type: "string", default: "3" },
    nudges: { type: "string", default: "600" },
    rate: { type: "string", default: "10" },
    kill: { type: "string", default: "0" },
    queue: { type: "string", default: "postgres" },
    seed: { type: "string", default: "1" },
  },
});
const processes = positiveInt("processes", values.processes);
const nudges = positiveInt("nudges", values.nudges);
const rate = positiveInt("rate", values.rate);
const kills = values.kill === "0" ? 0 : positiveInt("kill", values.kill);
if (values.queue !== "postgres" && values.queue !== "redis") {
  process.stderr.write("error: --queue: must be postgres or redis\n");
  process.exit(1);
}
if (values.queue === "redis" && !process.env.REDIS_URL) {
  process.stderr.write("error: --queue redis needs REDIS_URL\n");
  process.exit(1);
}
let seed = positiveInt("seed", values.seed);
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const log = (line: string) => process.stderr.write(`bench:scale ${line}\n`);

const server = process.env.TEST_POSTGRES_URL || process.env.DATABASE_URL;
if (!server) {
  console.log(JSON.stringify({ skipped: "neither TEST_POSTGRES_URL nor DATABASE_URL is set" }));
  process.exit(0);
}
// The helper reads TEST_POSTGRES_URL once, when first imported.
process.env.TEST_POSTGRES_URL = server;
const { createThrowawayDatabase } = await import("../test/helpers/postgres.ts");
const throwaway = await createThrowawayDatabase("repay_scale");
const db = await openDatabase({ url: throwaway.url });
const dispose = async () => {
  await db.close();
  await throwaway.drop();
};
const fake = await startFakeTelegram({ globalPerSecond: 30, perChatPerSecond: 1 });
const running: ProductProcess[] = [];
try {
  const { timeZone } = await writeDueBook(db.prisma, { count: nudges, firstChatId: 500_000 });
  log(`book: ${nudges} nudges due, borrowers in ${timeZone}; database ${db.description}`);
  const env = {
    DATABASE_URL: throwaway.url,
    REPAY_QUEUE: values.queue,
    ...(values.queue === "redis" ? { REDIS_URL: process.env.REDIS_URL as string } : {}),
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_GLOBAL_RATE: "30",
    TELEGRAM_NUDGE_RATE: String(rate),
    REPAY_DISPATCH_LEASE_SECONDS: "10",
    ...(process.env.REPAY_SEND_SLOT_MS
      ? { REPAY_SEND_SLOT_MS: process.env.REPAY_SEND_SLOT_MS }
      : {}),
    ...(process.env.REPAY_DISPATCH_CONCURRENCY
      ? { REPAY_DISPATCH_CONCURRENCY: process.env.REPAY_DISPATCH_CONCURRENCY }
      : {}),
  };
  const start = () => {
    const started = startProductProcess("dispatcher", env);
    running.push(started);
    return started;
  };
  const all = Array.from({ length: processes }, start);
  const loadAverage = () => (os.loadavg()[0] ?? 0).toFixed(1);
  const loadAtStart = loadAverage();
  await Promise.all(all.map((started) => started.waitFor(/queue: BullMQ on/)));
  log(`${processes} dispatcher processes up`);

  const open = async () =>
    db.prisma.nudgeOutbox.count({ where: { status: { in: ["planned", "claimed"] } } });
  const expectedMs = (nudges / rate) * 1000;
  const killAt = Array.from({ length: kills }, () => 2_000 + random() * expectedMs * 0.8).sort(
    (a, b) => a - b,
  );
  const began = Date.now();
  let killed = 0;
  const deadline = began + expectedMs * 3 + 120_000;
  while ((await open()) > 0 && Date.now() < deadline) {
    if (killed < kills && Date.now() - began >= (killAt[killed] as number)) {
      const alive = all.filter((started) => started.child.exitCode === null);
      const victim = alive[Math.floor(random() * alive.length)];
      if (victim) {
        victim.child.kill("SIGKILL");
        await victim.exited;
        killed++;
        log(`killed process ${victim.child.pid} (${killed}/${kills}); restarting it`);
        all[all.indexOf(victim)] = start();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const rows = await db.prisma.nudgeOutbox.findMany({
    select: { status: true, lastError: true, reasonCodes: true },
  });
  const settled = (row: (typeof rows)[number]) =>
    row.status === "sent" ||
    (row.status === "failed" && !!row.lastError) ||
    (row.status === "suppressed" && row.reasonCodes.length > 0);
  const stats = sendStats(fake.calls, rate);
  if (process.env.BENCH_TRACE)
    log(
      `send gaps: ${fake.calls
        .filter((c) => c.method === "sendMessage")
        .map((c, i, a) => (i ? c.at - (a[i - 1]?.at ?? 0) : 0))
        .join(",")}`,
    );
  const byStatus = Object.fromEntries(
    ["sent", "failed", "suppressed", "planned", "claimed"].map((status) => [
      status,
      rows.filter((row) => row.status === status).length,
    ]),
  );
  log(`outbox at the end: ${JSON.stringify(byStatus)}`);
  const putBack = rows.filter((row) => row.reasonCodes.includes("RATE_LIMITED")).length;
  log(`rows put back at least once (a 429, or no send slot in time on a slow machine): ${putBack}`);
  const loadAtEnd = loadAverage();
  // Each process logs its send slots when it stops (a killed one cannot): summed here.
  await Promise.all(running.map((started) => started.stop()));
  const slots = { added: 0, taken: 0, dropped: 0, missed: 0 };
  for (const started of running) {
    for (const match of started.output().matchAll(/dispatch: send slots (\{[^}]*\})/g)) {
      const counts = JSON.parse(match[1] as string) as typeof slots;
      for (const key of Object.keys(slots) as (keyof typeof slots)[]) slots[key] += counts[key];
    }
  }
  console.log(
    JSON.stringify({
      processes,
      nudges,
      configuredPerSecond: rate,
      delivered: stats.delivered,
      duplicates: stats.duplicates,
      lost: rows.filter((row) => !settled(row)).length,
      maxInAnyRolling1s: stats.maxInAnyRolling1s,
      utilisation:
        stats.spanSeconds > 0 ? round(stats.delivered / (rate * stats.spanSeconds), 3) : 0,
      answered429: stats.answered429,
      killed,
      rowsPutBack: putBack,
      sendingSeconds: round(stats.spanSeconds, 1),
      sendSlots: slots,
      loadAverage: { start: Number(loadAtStart), end: Number(loadAtEnd) },
    }),
  );
} finally {
  await Promise.all(running.map((started) => started.stop()));
  await fake.close();
  await dispose();
}
