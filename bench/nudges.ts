// Nudger benchmark: planner decisions/s on PGlite and PostgreSQL against a bare SELECT of the same
// rows, peak RSS, and how much of the configured global send rate the dispatcher uses.
//   npm run bench:nudges                          100,000 loans on each database
//   npm run bench:nudges -- --loans 20000 --pglite-loans 5000 --dispatch 300 --rate 25
//   npm run bench:nudges -- --loans 5000 --cpu-prof planner   writes planner-<database>.cpuprofile
// PostgreSQL comes from TEST_POSTGRES_URL (else DATABASE_URL); without either it is skipped.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { dispatchTick } from "../bots/nudger/dispatcher.ts";
import { planTick } from "../bots/nudger/planner.ts";
import { createTelegramSender } from "../bots/nudger/telegram-sender.ts";
import { contactProfile } from "../core/policy/index.ts";
import type {
  NextNudge,
  NudgePlanning,
  PlannedNudge,
  Store,
  StoredLoan,
} from "../core/ports/index.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createPrismaStore } from "../prisma/store/index.ts";
import { startFakeTelegram } from "../test/fakes/telegram-api/index.ts";
import { writeBulkBook, writePlannedNudges } from "../test/nudger/bulk-book.ts";
import { type BenchTarget, pgliteTarget, postgresTarget } from "./lib/bench-databases.ts";
import { positiveInt } from "./lib/cli-args.ts";
import { coreLoanStatesPerSecond } from "./lib/core-loan-states.ts";
import { profiled } from "./lib/cpu-profile.ts";
import { peakRssMb, perSecond, progress, round } from "./lib/measure.ts";
import { postgresServerCpuMs, postgresServerCpuSince } from "./lib/server-cpu.ts";
import { clockedStore, clockSummary } from "./lib/store-clock.ts";

const { values } = parseArgs({
  options: {
    loans: { type: "string", default: "100000" },
    "pglite-loans": { type: "string" },
    dispatch: { type: "string", default: "300" },
    rate: { type: "string", default: "25" },
    "page-size": { type: "string", default: "500" },
    concurrency: { type: "string", default: "8" },
    /** A file name prefix: each planner pass is profiled to <prefix>-<database>.cpuprofile. */
    "cpu-prof": { type: "string" },
  },
});
const loans = positiveInt("loans", values.loans);
const pgliteLoans = positiveInt("pglite-loans", values["pglite-loans"] ?? values.loans);
const dispatchCount = positiveInt("dispatch", values.dispatch);
const globalRate = positiveInt("rate", values.rate);
const pageSize = positiveInt("page-size", values["page-size"]);
const concurrency = positiveInt("concurrency", values.concurrency);

/**
 * The tables the book's bulk load writes, vacuumed (hint bits and visibility set, so
 * autovacuum does not do it during the timed reads) and analyzed (statistics for the plans).
 */
const ANALYZE_BOOK = "VACUUM ANALYZE borrowers, loans, installments, channel_identities";

/** 10:00 in New York, the borrowers' zone: inside the send window. */
const NOW = "2026-03-03T15:00:00.000Z";
const profile = contactProfile("default");

/** 40% one day late (send), 40% current (defer to T-3), 20% twenty days late (plan offer). */
const MIX = [
  { prefix: "late", share: 0.4, firstDueDate: "2026-03-02" },
  { prefix: "current", share: 0.4, firstDueDate: "2026-03-13" },
  { prefix: "later", share: 0.2, firstDueDate: "2026-02-11" },
] as const;

async function planner(target: BenchTarget, count: number) {
  progress(`${target.kind}: writing ${count} loans`);
  const { db, dispose } = await target.open();
  try {
    let chat = 1_000_000;
    for (const part of MIX) {
      const n = Math.round(count * part.share);
      await writeBulkBook(db.prisma, {
        count: n,
        prefix: part.prefix,
        firstDueDate: part.firstDueDate,
        firstChatId: chat,
        nextNudgeAt: NOW,
      });
      chat += n;
    }
    const due = await db.prisma.loan.count({ where: { nextNudgeAt: { lte: new Date(NOW) } } });
    const store = createPrismaStore(db.prisma);
    const readPage = (after?: { at: string; id: string }) =>
      store.planning.duePage(NOW, pageSize, after).then((page) => page.loans);
    // Straight after a bulk load the tables have no statistics (autovacuum analyzes them within
    // a minute or so on PostgreSQL, and vacuums them while it is at it; PGlite has no
    // autovacuum) and the page read's plans scan every loan still due for each page. Timed once
    // so, then the tables are vacuumed and analyzed, as PostgreSQL advises after a bulk load,
    // before everything else is timed.
    progress(`${target.kind}: the page read before VACUUM ANALYZE`);
    const readBeforeAnalyze = await timedPages(pageSize, readPage);
    let started = performance.now();
    await db.prisma.$executeRawUnsafe(ANALYZE_BOOK);
    const analyzeMs = performance.now() - started;
    progress(`${target.kind}: bare SELECT of ${due} due loans`);
    started = performance.now();
    const bare = await db.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT * FROM loans WHERE next_nudge_at <= $1::timestamptz ORDER BY next_nudge_at, id`,
      NOW,
    );
    const bareMs = performance.now() - started;
    // The read the planner itself does: planning.duePage pages (loans, schedules, borrowers,
    // promises, active loans' transactions), the same rows in the same pages.
    const serverCpuBeforeRead = onServer(target);
    const storeRead = await timedPages(pageSize, readPage);
    const storeReadServerCpu = postgresServerCpuSince(serverCpuBeforeRead);
    // The older per-loan read (loans.dueForNudge, schedules only), kept for comparison.
    const loansRead = await timedPages(pageSize, (after) =>
      store.loans.dueForNudge(NOW, pageSize, after),
    );
    const storeReadMs = storeRead.ms;
    progress(`${target.kind}: planning ${due} loans`);
    let decisions = 0;
    const clocked = clockedStore(store);
    const written = recordedWrites(clocked.store);
    const cpuBefore = process.cpuUsage();
    const serverCpuBefore = onServer(target);
    started = performance.now();
    const profileFile = values["cpu-prof"] && `${values["cpu-prof"]}-${target.kind}.cpuprofile`;
    const result = await profiled(profileFile, () =>
      planTick(
        {
          store: written.store,
          profile,
          pageSize,
          concurrency,
          onDecision: () => void decisions++,
        },
        NOW,
      ),
    );
    const planMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const serverCpu = postgresServerCpuSince(serverCpuBefore);
    progress(`${target.kind}: the core's loan states/s, for plannerVsCore`);
    const coreStates = coreLoanStatesPerSecond(5_000);
    progress(`${target.kind}: the pass's ${written.pages.length} page writes again, alone`);
    const storeWrite = await writesAlone(target, db.prisma, store, written.pages, result.planned);
    return {
      loans: due,
      decisions,
      planned: result.planned,
      deferred: result.deferred,
      suppressed: result.suppressed,
      plannerMs: Math.round(planMs),
      decisionsPerSecond: perSecond(decisions, planMs),
      bareSelect: {
        rows: bare.length,
        ms: round(bareMs),
        rowsPerSecond: perSecond(bare.length, bareMs),
      },
      storeRead: {
        rows: storeRead.rows,
        ms: round(storeReadMs),
        ...(storeReadServerCpu !== undefined && { serverCpuMs: storeReadServerCpu }),
        note: "planning.duePage pages, the planner's own read: loans with schedules, borrowers, promises, active loans' transactions",
      },
      storeReadBeforeAnalyze: {
        rows: readBeforeAnalyze.rows,
        ms: round(readBeforeAnalyze.ms),
        analyzeMs: round(analyzeMs),
        note: "the same pages straight after the bulk load, before VACUUM ANALYZE (analyzeMs): the tables may have no statistics yet",
      },
      storeWrite: {
        ...storeWrite,
        note: "the pass's own page writes (planning.writePage: outbox rows and next looks) again, one after another, with nothing else running, after the book was put back as the pass found it",
      },
      loansDueForNudgeRead: {
        rows: loansRead.rows,
        ms: round(loansRead.ms),
        note: "loans.dueForNudge pages, with schedules (the storeRead of earlier rounds)",
      },
      plannerVsBareSelect: round(planMs / bareMs, 1),
      plannerVsStoreRead: round(planMs / storeReadMs, 1),
      storeReadVsBareSelect: round(storeReadMs / bareMs, 1),
      /** The pass against its own read and its own writes, each timed alone. */
      plannerVsStoreReadAndWrite: round(planMs / (storeReadMs + storeWrite.ms), 1),
      coreLoanStatesPerSecond: coreStates.perSecond,
      coreLoanStatesRounds: coreStates.rounds,
      plannerVsCore: round(perSecond(decisions, planMs) / coreStates.perSecond, 2),
      /** This process's CPU during the pass (with PGlite, the database's too). */
      plannerCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      /**
       * PostgreSQL only, when its server runs on this machine: the server processes' CPU during
       * the pass (reads, writes, the WAL writer), from /proc; the other core's share of the pass.
       */
      ...(serverCpu !== undefined && { serverCpuMs: serverCpu }),
      storeCalls: clockSummary(clocked.clock),
    };
  } finally {
    await dispose();
  }
}

/** A page write of the pass, as the planner made it. */
interface PageWrite {
  readonly nudges: readonly PlannedNudge[];
  readonly next: readonly NextNudge[];
}

/** `store`, keeping every planning.writePage's arguments in `pages` as they go through. */
function recordedWrites(store: Store): { store: Store; pages: PageWrite[] } {
  const pages: PageWrite[] = [];
  const planning: NudgePlanning = {
    ...store.planning,
    writePage: (nudges, next) => {
      pages.push({ nudges, next });
      return store.planning.writePage(nudges, next);
    },
  };
  return { store: { ...store, planning }, pages };
}

/**
 * What the pass's writes cost on their own: the outbox emptied and every loan's next look set
 * back to NOW (the book as the pass found it), vacuumed and analyzed as before the pass, then
 * the recorded pages written again one after another. Throws unless they plan as many nudges
 * as the pass did.
 */
async function writesAlone(
  target: BenchTarget,
  prisma: PrismaClient,
  store: Store,
  pages: readonly PageWrite[],
  expected: number,
): Promise<{ pages: number; ms: number; serverCpuMs?: number }> {
  await prisma.$executeRawUnsafe("DELETE FROM nudge_outbox");
  await prisma.$executeRawUnsafe(`UPDATE loans SET next_nudge_at = $1::timestamptz`, NOW);
  await prisma.$executeRawUnsafe("VACUUM ANALYZE loans, nudge_outbox");
  const serverBefore = onServer(target);
  const started = performance.now();
  let created = 0;
  for (const page of pages) {
    const planned = await store.planning.writePage(page.nudges, page.next);
    for (const row of planned) if (row.created) created++;
  }
  const ms = performance.now() - started;
  const serverCpuMs = postgresServerCpuSince(serverBefore);
  // The same rows as the pass wrote, or this times something else.
  if (created !== expected) {
    throw new Error(`the writes again planned ${created} nudges, the pass ${expected}`);
  }
  return { pages: pages.length, ms: round(ms), ...(serverCpuMs !== undefined && { serverCpuMs }) };
}

/** The local PostgreSQL server's CPU now, for a PostgreSQL target; undefined for PGlite. */
function onServer(target: BenchTarget): number | undefined {
  return target.kind === "postgres" ? postgresServerCpuMs() : undefined;
}

/** Reads every page through `readPage` (a cursor after the last loan), timed. */
async function timedPages(
  pageSize: number,
  readPage: (after?: { at: string; id: string }) => Promise<readonly StoredLoan[]>,
): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  let rows = 0;
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const page = await readPage(after);
    rows += page.length;
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    after = { at: last.nextNudgeAt as string, id: last.id };
  }
  return { rows, ms: performance.now() - started };
}

async function dispatcher(target: BenchTarget, count: number) {
  progress(`${target.kind}: dispatching ${count} nudges at ${globalRate}/s`);
  const { db, dispose } = await target.open();
  const fake = await startFakeTelegram({ perChatPerSecond: 1, globalPerSecond: 30 });
  try {
    await writeBulkBook(db.prisma, { count, prefix: "send", firstChatId: 5_000_000 });
    await writePlannedNudges(db.prisma, { count, prefix: "send", plannedFor: NOW });
    const store = createPrismaStore(db.prisma);
    const realStart = Date.now();
    const clock = () => new Date(Date.parse(NOW) + (Date.now() - realStart)).toISOString();
    const sender = createTelegramSender({
      token: fake.token,
      apiRoot: fake.apiRoot,
      identities: store.identities,
      globalPerSecond: globalRate,
    });
    const deps = {
      store,
      profile,
      senders: { telegram: sender },
      lenderName: "Bench Lending",
      clock,
      batchSize: 50,
      concurrency: 16,
    };
    let sent = 0;
    for (;;) {
      const tick = await dispatchTick(deps, clock());
      sent += tick.sent;
      if (tick.claimed === 0) {
        if (sent + tick.failed >= count) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const times = fake.calls
      .filter((call) => call.method === "sendMessage" && call.status === 200)
      .map((call) => call.at)
      .sort((a, b) => a - b);
    const spanMs = (times.at(-1) ?? 0) - (times[0] ?? 0);
    const achieved = spanMs > 0 ? ((times.length - 1) / spanMs) * 1000 : 0;
    const limited = fake.calls.filter((call) => call.status === 429).length;
    return {
      database: target.kind,
      nudges: count,
      sent,
      configuredPerSecond: globalRate,
      achievedPerSecond: round(achieved, 1),
      utilisation: round(achieved / globalRate, 3),
      flood429s: limited,
    };
  } finally {
    await fake.close();
    await dispose();
  }
}

const postgres = await postgresTarget();
const result = {
  bench: "nudges",
  node: process.version,
  profile: profile.name,
  pageSize,
  concurrency,
  planner: {
    pglite: await planner(pgliteTarget, pgliteLoans),
    postgres:
      "skipped" in postgres ? { skipped: postgres.skipped } : await planner(postgres, loans),
  },
  dispatcher: await dispatcher("skipped" in postgres ? pgliteTarget : postgres, dispatchCount),
  peakRssMb: peakRssMb(),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
