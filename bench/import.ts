// Import throughput: loan rows/s through the real CSV import on PGlite and PostgreSQL, against bare createMany.
//   npm run bench:import                        2,000 loans, a few minutes (see DEFAULT_LOANS)
//   npm run bench:import -- --loans 100000      the full book: the import takes minutes, the bare createMany baseline ~20 min per database
//   TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test npm run bench:import
//   npm run bench:import -- --loans 100000 --skip-bare   import and re-import only
//
// Then, on the imported book, a file of two payments per loan (no refs) imported and
// re-imported: paymentImportRowsPerSec and paymentReimportRowsPerSec, payment rows per second.
//
// Per database: a fresh database; parse the CSV text and importLoans (timed together), then
// the same again (every row "unchanged"); then a second fresh database where the same
// borrower, loan and installment rows go in with createMany (only the createMany calls are
// timed). All rates are loan rows of the file per second. ratio = import / bare: the share
// of the bare insert speed the import reaches. Timings are reported, never asserted.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { importLoans, validateLoanRows } from "../bots/import/import-loans.ts";
import type { ImportReport } from "../bots/import/import-report.ts";
import { parseRecords } from "../bots/import/read-records.ts";
import type { Store } from "../core/ports/index.ts";
import { createPrismaStore } from "../prisma/store/index.ts";
import { writeBare } from "./lib/bare-rows.ts";
import { type BenchTarget, pgliteTarget, postgresTarget } from "./lib/bench-databases.ts";
import { positiveInt } from "./lib/cli-args.ts";
import { loanBookCsv } from "./lib/loan-book-csv.ts";
import { peakRssMb, perSecond, progress, round, rssMb } from "./lib/measure.ts";
import { benchPayments } from "./lib/payments-import.ts";
import { newUpsertClock, timedStore, type UpsertClock } from "./lib/timed-store.ts";
import { seededRandom } from "./prng.ts";

/**
 * The import upserts in batches of 500 (one lookup and one transaction of unnest inserts a
 * batch), but the bare baseline goes through Prisma's createMany, ~0.3 ms of client CPU per
 * installment row, so 100,000 loans (3 million installments) take long on that side. Rates
 * barely change with N (lookups are by unique index), so 2,000 is representative.
 */
const DEFAULT_LOANS = "2000";

const { values } = parseArgs({
  options: {
    loans: { type: "string", default: DEFAULT_LOANS },
    seed: { type: "string", default: "20260115" },
    "skip-postgres": { type: "boolean", default: false },
    /** With --skip-postgres on another run: peak RSS per database. */
    "skip-pglite": { type: "boolean", default: false },
    /** Import and re-import only: the bare createMany baseline takes ~20 min a database at 100k. */
    "skip-bare": { type: "boolean", default: false },
  },
});
const loanCount = positiveInt("loans", values.loans);
const seed = positiveInt("seed", values.seed);

/** `store` with the batch upserts the import uses timed into `clock` as well. */
function timedBatches(store: Store, clock: UpsertClock): Store {
  const { borrowers, loans } = timedStore(store, clock);
  async function timed<T>(run: () => Promise<T>, add: (ms: number) => void): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      add(performance.now() - started);
    }
  }
  return {
    ...store,
    // The import writes through the store atomic hands it: time that one too.
    atomic: (work) => store.atomic((inner) => work(timedBatches(inner, clock))),
    borrowers: {
      ...borrowers,
      upsertMany: (inputs) =>
        timed(
          () => borrowers.upsertMany(inputs),
          (ms) => {
            clock.borrowerMs += ms;
            clock.borrowerCalls += inputs.length;
          },
        ),
    },
    loans: {
      ...loans,
      upsertMany: (inputs) =>
        timed(
          () => loans.upsertMany(inputs),
          (ms) => {
            clock.loanMs += ms;
            clock.loanCalls += inputs.length;
          },
        ),
    },
  };
}

interface ImportRun {
  readonly ms: number;
  readonly parseMs: number;
  readonly report: ImportReport;
}

/** Parses the CSV text and imports it, timing both; logs progress every few seconds. */
async function timedImport(
  label: string,
  text: string,
  run: (
    records: ReturnType<typeof parseRecords>,
    onProgress: (done: number, total: number) => void,
  ) => Promise<ImportReport>,
): Promise<ImportRun> {
  const started = performance.now();
  const records = parseRecords("book.csv", text);
  const parseMs = performance.now() - started;
  let last = { at: performance.now(), done: 0 };
  const report = await run(records, (done, total) => {
    const at = performance.now();
    if (at - last.at < 5_000) return;
    const rate = perSecond(done - last.done, at - last.at);
    last = { at, done };
    progress(`  ${label}: ${done}/${total} rows, ${rate} rows/s lately, rss ${rssMb()} MB`);
  });
  return { ms: performance.now() - started, parseMs, report };
}

function expectCounts(label: string, report: ImportReport, change: "created" | "unchanged") {
  if (report.invalid.length > 0 || report.counts[change] !== loanCount) {
    throw new Error(
      `${label}: expected ${loanCount} ${change}, got ${JSON.stringify(report.counts)} ` +
        `with ${report.invalid.length} invalid rows (first: ${JSON.stringify(report.invalid[0])})`,
    );
  }
}

async function benchTarget(target: BenchTarget, text: string) {
  const { kind } = target;
  const clock = newUpsertClock();
  const first = await target.open();
  let imported: ImportRun;
  let reimported: ImportRun;
  let payments: Awaited<ReturnType<typeof benchPayments>>;
  try {
    const store = timedBatches(createPrismaStore(first.db.prisma), clock);
    progress(`${kind}: importing ${loanCount} loans (rss ${rssMb()} MB)`);
    imported = await timedImport(`${kind} import`, text, (records, onProgress) =>
      importLoans(store, records, { onProgress }),
    );
    expectCounts(`${kind} import`, imported.report, "created");
    progress(`${kind}: importing the same file again (rss ${rssMb()} MB)`);
    reimported = await timedImport(`${kind} re-import`, text, (records, onProgress) =>
      importLoans(createPrismaStore(first.db.prisma), records, { onProgress }),
    );
    expectCounts(`${kind} re-import`, reimported.report, "unchanged");
    payments = await benchPayments(kind, createPrismaStore(first.db.prisma), text);
  } finally {
    await first.dispose();
  }

  const importRowsPerSec = perSecond(loanCount, imported.ms);
  const perRow = (ms: number) => round(ms / loanCount, 3);
  const upsertMs = clock.borrowerMs + clock.loanMs;
  const timings = {
    importRowsPerSec,
    reimportRowsPerSec: perSecond(loanCount, reimported.ms),
    importSec: round(imported.ms / 1000),
    reimportSec: round(reimported.ms / 1000),
    importMsPerRow: {
      parseCsv: perRow(imported.parseMs),
      borrowerUpsert: perRow(clock.borrowerMs),
      loanUpsert: perRow(clock.loanMs),
      validateAndRest: perRow(imported.ms - imported.parseMs - upsertMs),
    },
    borrowerUpsertMsEach: round(clock.borrowerMs / Math.max(1, clock.borrowerCalls), 3),
    loanUpsertMsEach: round(clock.loanMs / Math.max(1, clock.loanCalls), 3),
    ...payments,
  };
  if (values["skip-bare"]) return { ...timings, bare: { skipped: "--skip-bare" } };

  progress(`${kind}: bare createMany of the same rows (rss ${rssMb()} MB)`);
  const second = await target.open();
  let bare: Awaited<ReturnType<typeof writeBare>>;
  try {
    const { rows } = validateLoanRows(parseRecords("book.csv", text));
    bare = await writeBare(second.db.prisma, rows);
  } finally {
    await second.dispose();
  }
  progress(`${kind}: done (rss ${rssMb()} MB)`);
  const bareCreateManyRowsPerSec = perSecond(loanCount, bare.ms);
  return {
    ...timings,
    bareCreateManyRowsPerSec,
    ratio: round(importRowsPerSec / bareCreateManyRowsPerSec, 4),
    bareCreateManySec: round(bare.ms / 1000),
    rowsWritten: {
      borrowers: bare.borrowers,
      loans: bare.loans,
      installments: bare.installments,
    },
  };
}

const wallStart = performance.now();
const text = loanBookCsv(seededRandom(seed), { loans: loanCount });
progress(`book: ${loanCount} loans, ${round(text.length / 1e6)} MB of CSV`);

const pglite = values["skip-pglite"]
  ? { skipped: "--skip-pglite" }
  : await benchTarget(pgliteTarget, text);
const postgresSetup = values["skip-postgres"]
  ? { skipped: "--skip-postgres" }
  : await postgresTarget();
const postgres =
  "skipped" in postgresSetup ? postgresSetup : await benchTarget(postgresSetup, text);

process.stdout.write(
  `${JSON.stringify({
    loans: loanCount,
    pglite,
    postgres,
    peakRssMb: peakRssMb(),
    node: process.version,
    seed,
    wallSec: round((performance.now() - wallStart) / 1000, 1),
  })}\n`,
);
