// openDatabase: migrated on open, values round-trip exactly, and a PGlite folder admits one process.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toDbDate } from "../../prisma/calendar-date.ts";
import { LOCK_FILE } from "../../prisma/data-dir-lock.ts";
import { type Database, DEFAULT_POOL_SIZE, openDatabase, poolSize } from "../../prisma/database.ts";
import { displayPath } from "../../prisma/database-location.ts";
import { readMigrations } from "../../prisma/engine/migration-files.ts";
import { childScript } from "../helpers/child-script.ts";
import { createThrowawayDatabase, describeWithPostgres } from "../helpers/postgres.ts";

const migrationNames = async () =>
  (await readMigrations()).migrationDirectories.map((dir) => dir.path);

/** Writes a borrower with a loan and an outbox row, reads them back through Prisma. */
async function roundTrip(db: Database) {
  const borrower = await db.prisma.borrower.create({
    data: {
      externalRef: "B-1",
      name: "Ada",
      timeZone: "Asia/Shanghai",
      contactPreferences: { channel: "telegram" },
    },
  });
  const loan = await db.prisma.loan.create({
    data: {
      externalRef: "L-1",
      borrowerId: borrower.id,
      currency: "USD",
      principalMinor: 9_007_199_254_740_993n, // past Number.MAX_SAFE_INTEGER
      annualRate: "0.1299",
      termCount: 12,
      frequency: "monthly",
      method: "annuity",
      interestMethod: "declining",
      dayCount: "30/360",
      disbursedOn: toDbDate("2026-01-31"),
    },
  });
  await db.prisma.nudgeOutbox.create({
    data: {
      dedupeKey: `${loan.id}:due-day:2026-02-28`,
      borrowerId: borrower.id,
      loanId: loan.id,
      kind: "due-day",
      channel: "telegram",
      plannedFor: new Date("2026-02-28T01:30:00.123Z"),
      reasonCodes: ["QUIET_HOURS", "MOVED"],
    },
  });
  return db.prisma.loan.findUniqueOrThrow({
    where: { externalRef: "L-1" },
    include: { borrower: true, nudges: true },
  });
}

function expectExactValues(loan: Awaited<ReturnType<typeof roundTrip>>): void {
  expect(loan.principalMinor).toBe(9_007_199_254_740_993n);
  expect(loan.disbursedOn.toISOString()).toBe("2026-01-31T00:00:00.000Z");
  expect(loan.borrower.contactPreferences).toEqual({ channel: "telegram" });
  expect(loan.nudges[0]?.plannedFor.toISOString()).toBe("2026-02-28T01:30:00.123Z");
  expect(loan.nudges[0]?.reasonCodes).toEqual(["QUIET_HOURS", "MOVED"]);
  expect(loan.nudges[0]?.status).toBe("planned");
}

describe("openDatabase on PGlite in memory", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ memory: true, env: { DATABASE_URL: "postgresql://ignored/x" } });
  });
  afterAll(() => db?.close());

  it("applies the migrations as it opens", async () => {
    expect(db.kind).toBe("pglite");
    expect(db.description).toBe("PGlite in memory");
    expect(db.migrationsApplied).toEqual(await migrationNames());
  });

  it("round-trips big amounts, calendar dates, instants, JSON and arrays exactly", async () => {
    expectExactValues(await roundTrip(db));
  });

  it("leaves the schema alone with { migrate: false }", async () => {
    const bare = await openDatabase({ memory: true, migrate: false });
    try {
      expect(bare.migrationsApplied).toEqual([]);
      await expect(bare.prisma.borrower.count()).rejects.toThrow(/borrowers/);
    } finally {
      await bare.close();
    }
  });
});

describe("openDatabase on a PGlite data folder", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "repay-data-"));
  const lockFile = join(dataDir, LOCK_FILE);
  const children: ChildProcess[] = [];
  let first: Database | undefined;

  afterAll(async () => {
    for (const child of children) child.kill();
    await first?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** "The other repay process": another process holding the folder's lock until killed. */
  async function otherProcess(): Promise<{ child: ChildProcess; pid: number }> {
    const script = join(import.meta.dirname, "..", "helpers", "lock-process.ts");
    const child = spawn(process.execPath, [...childScript(script), "hold", dataDir]);
    children.push(child);
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    for (;;) {
      const held = output.match(/held the lock as pid (\d+)/);
      if (held) return { child, pid: Number(held[1]) };
      if (child.exitCode !== null) throw new Error(`the other process exited: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("holds the folder while open: a second open gets DATA_DIR_LOCKED", async () => {
    first = await openDatabase({ dataDir });
    expect(readFileSync(lockFile, "utf8").trim()).toBe(String(process.pid));
    await first.prisma.borrower.create({ data: { externalRef: "B-kept", name: "Kept" } });

    await expect(openDatabase({ dataDir })).rejects.toMatchObject({
      code: "DATA_DIR_LOCKED",
      details: expect.objectContaining({ pid: process.pid }),
    });
  });

  it("releases the folder on close", async () => {
    await first?.close();
    first = undefined;
    expect(existsSync(lockFile)).toBe(false);
  });

  it("tells a second process who holds the folder and what to do instead", async () => {
    const other = await otherProcess();
    await expect(openDatabase({ dataDir })).rejects.toMatchObject({
      code: "DATA_DIR_LOCKED",
      message:
        `another repay process (pid ${other.pid}) is using ${displayPath(dataDir)}: stop it, ` +
        "use the running product's HTTP API, or set DATABASE_URL to a PostgreSQL server",
    });
    other.child.kill("SIGKILL");
    await once(other.child, "exit");
  });

  it("takes over a lock left by a process that is gone, and finds the data it wrote", async () => {
    // The lock file still names the process killed above: the OS dropped its lock.
    expect(readFileSync(lockFile, "utf8").trim()).toBe(String(children.at(-1)?.pid));
    const db = await openDatabase({ dataDir });
    try {
      expect(readFileSync(lockFile, "utf8").trim()).toBe(String(process.pid));
      expect(db.migrationsApplied).toEqual([]);
      const kept = await db.prisma.borrower.findUnique({ where: { externalRef: "B-kept" } });
      expect(kept?.name).toBe("Kept");
    } finally {
      await db.close();
    }
  });
});

describeWithPostgres("openDatabase on PostgreSQL", () => {
  let server: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  let db: Database;
  beforeAll(async () => {
    server = await createThrowawayDatabase();
    // The driver adapters write instants as UTC wall-clock text: a server whose default zone is
    // not UTC must not shift them.
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${server.name}" SET timezone TO 'America/New_York'`);
    await admin.end();
    db = await openDatabase({ env: { DATABASE_URL: server.url, REPAY_DATA_DIR: "/nowhere" } });
  });
  afterAll(async () => {
    await db?.close();
    await server?.drop();
  });

  it("applies the migrations as it opens", async () => {
    expect(db.kind).toBe("postgres");
    expect(db.migrationsApplied).toEqual(await migrationNames());
  });

  it("round-trips exactly and stores instants as the instants they are", async () => {
    expectExactValues(await roundTrip(db));
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT extract(epoch FROM planned_for) * 1000 AS ms FROM nudge_outbox",
      );
      expect(Number(rows[0].ms)).toBe(Date.parse("2026-02-28T01:30:00.123Z"));
    } finally {
      await client.end();
    }
  });
});

describe("DATABASE_POOL_SIZE", () => {
  it("defaults to pg's own 10 and takes a whole number from 1 to 1000", () => {
    expect(poolSize({})).toBe(DEFAULT_POOL_SIZE);
    expect(poolSize({ DATABASE_POOL_SIZE: " " })).toBe(DEFAULT_POOL_SIZE);
    expect(poolSize({ DATABASE_POOL_SIZE: "4" })).toBe(4);
    expect(poolSize({ DATABASE_POOL_SIZE: "1000" })).toBe(1000);
  });

  it("refuses anything else by name, before a connection is made", async () => {
    for (const value of ["0", "-2", "2.5", "ten", "1001"]) {
      expect(() => poolSize({ DATABASE_POOL_SIZE: value })).toThrow(
        expect.objectContaining({ code: "INVALID_DATABASE_POOL_SIZE" }),
      );
    }
    await expect(
      openDatabase({
        env: { DATABASE_URL: "postgresql://127.0.0.1:1/x", DATABASE_POOL_SIZE: "0" },
      }),
    ).rejects.toThrow(/DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "0"/);
  });
});

describeWithPostgres("DATABASE_POOL_SIZE on PostgreSQL", () => {
  let server: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  beforeAll(async () => {
    server = await createThrowawayDatabase();
  });
  afterAll(() => server?.drop());

  /** The most connections at once running six half-second sleeps started together. */
  async function busiestWith(env: Record<string, string>): Promise<number> {
    const db = await openDatabase({ env: { DATABASE_URL: server.url, ...env } });
    const watcher = new pg.Client({ connectionString: server.url });
    await watcher.connect();
    try {
      let busiest = 0;
      let done = false;
      const sleeps = Promise.all(
        Array.from({ length: 6 }, () => db.prisma.$queryRaw`SELECT 1 AS slept FROM pg_sleep(0.5)`),
      ).finally(() => {
        done = true;
      });
      while (!done) {
        const { rows } = await watcher.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = $1 AND state = 'active' AND query LIKE '%FROM pg_sleep(0.5)%'
             AND pid <> pg_backend_pid()`,
          [server.name],
        );
        busiest = Math.max(busiest, rows[0].n);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await sleeps;
      return busiest;
    } finally {
      await watcher.end();
      await db.close();
    }
  }

  it("holds a process to that many connections; unset, the six run at once", async () => {
    expect(await busiestWith({ DATABASE_POOL_SIZE: "2" })).toBe(2);
    expect(await busiestWith({})).toBe(6);
  });
});
