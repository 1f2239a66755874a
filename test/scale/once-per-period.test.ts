// A scheduled job delivered twice (a stalled job re-run) does its period's work once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oncePerPeriod, periodKey } from "../../bots/queue/once-per-period.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { PeriodClaims } from "../../core/ports/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import {
  createThrowawayDatabase,
  describeWithPostgres,
  type ThrowawayDatabase,
} from "../helpers/postgres.ts";

const AT = "2026-03-03T15:00:00.000Z";

/** The same iteration of a job scheduler delivered to three workers at once, then once more. */
async function deliveredFourTimes(periods: PeriodClaims) {
  let posts = 0;
  const lines: string[] = [];
  const job = { id: "repeat:agents-digest:1772550000000" };
  const workers = ["a", "b", "c"].map((by) =>
    oncePerPeriod(
      periods,
      "agents-digest",
      by,
      async () => {
        posts++;
        return "posted";
      },
      (line) => lines.push(line),
      () => AT,
    ),
  );
  const results = await Promise.all(workers.map((work) => work(job)));
  results.push(await (workers[1] as (typeof workers)[number])(job));
  const next = await (workers[2] as (typeof workers)[number])({ id: "repeat:agents-digest:1" });
  return { posts, results, lines, next };
}

function expectOnce(run: Awaited<ReturnType<typeof deliveredFourTimes>>) {
  expect(run.posts).toBe(2); // the period once, and the next period once
  expect(run.results.filter((result) => result === "posted")).toHaveLength(1);
  const key = periodKey("agents-digest", { id: "repeat:agents-digest:1772550000000" });
  expect(run.results.filter((result) => result !== "posted")).toEqual([
    { skipped: key },
    { skipped: key },
    { skipped: key },
  ]);
  expect(run.lines).toHaveLength(3);
  expect(run.lines[0]).toMatch(/^agents-digest: repeat:agents-digest:1772550000000 already done/);
  expect(run.next).toBe("posted");
}

describe("once per period, in memory", () => {
  it("Should run a period's work once however often its job is delivered", async () => {
    expectOnce(await deliveredFourTimes(createMemoryStore().periods));
  });

  it("Should prune only the claims made before the cut", async () => {
    const { periods } = createMemoryStore();
    await periods.claim("old", "a", "2026-01-01T00:00:00.000Z");
    await periods.claim("new", "a", AT);
    expect(await periods.pruneBefore("2026-02-01T00:00:00.000Z")).toBe(1);
    expect(await periods.claim("old", "b", AT)).toBe(true);
    expect(await periods.claim("new", "b", AT)).toBe(false);
  });
});

describeWithPostgres("once per period, on PostgreSQL", () => {
  let database: ThrowawayDatabase;
  let db: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    database = await createThrowawayDatabase("repay_periods");
    db = await openDatabase({ url: database.url });
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it("Should let one of several concurrent claims win, with the row as the record", async () => {
    const { periods } = createPrismaStore(db.prisma);
    expectOnce(await deliveredFourTimes(periods));
    const rows = await db.prisma.periodClaim.findMany({ orderBy: { key: "asc" } });
    expect(rows.map((row) => row.key)).toEqual([
      "agents-digest:repeat:agents-digest:1",
      "agents-digest:repeat:agents-digest:1772550000000",
    ]);
    expect(await periods.pruneBefore("2026-03-04T00:00:00.000Z")).toBe(2);
    expect(await db.prisma.periodClaim.count()).toBe(0);
  });
});
