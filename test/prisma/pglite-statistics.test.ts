// PGlite's statistics follow the book as a server's autovacuum would keep them: the planner's page read stays indexed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../prisma/database.ts";
import { writeBulkBook } from "../nudger/bulk-book.ts";

const NOW = "2026-03-03T15:00:00.000Z";
const opened: Database[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function open(options: Parameters<typeof openDatabase>[0]): Promise<Database> {
  const db = await openDatabase(options);
  opened.push(db);
  return db;
}

async function estimatedLoans(db: Database): Promise<number> {
  const [row] = await db.prisma.$queryRaw<{ n: number }[]>`
    SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'loans'::regclass`;
  return Number(row?.n);
}

/** The plan of the planner's page: the loans due now, in next-look order. */
async function duePlan(db: Database): Promise<string> {
  const rows = await db.prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT l.id FROM loans l JOIN borrowers b ON b.id = l.borrower_id
     WHERE l.next_nudge_at <= '${NOW}' ORDER BY l.next_nudge_at, l.id LIMIT 500`,
  );
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

describe("PGlite statistics", () => {
  it("Should analyze a book that grew since the folder was last open", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "repay-stats-"));
    folders.push(dataDir);
    const first = await open({ dataDir });
    await writeBulkBook(first.prisma, { count: 3_000, nextNudgeAt: NOW });
    // Planned as for an empty table: every loan scanned and sorted, for each page.
    expect(await duePlan(first)).toMatch(/Seq Scan on loans/);
    await first.close();
    const again = await open({ dataDir });
    expect(await estimatedLoans(again)).toBe(3_000);
    expect(await duePlan(again)).toMatch(/Index Scan using loans_next_nudge_at_id_idx on loans/);
  });

  it("Should analyze a book that grows while open, at the next check, and not before it moved enough", async () => {
    const db = await open({ memory: true, statisticsCheckMs: 50 });
    await writeBulkBook(db.prisma, { count: 2_000, nextNudgeAt: NOW });
    await expect.poll(() => estimatedLoans(db), { timeout: 10_000, interval: 50 }).toBe(2_000);
    // 100 more is within 50 + 10% of 2,000: no new ANALYZE.
    await writeBulkBook(db.prisma, { count: 100, nextNudgeAt: NOW, prefix: "more" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await estimatedLoans(db)).toBe(2_000);
  });
});
