// `repay report portfolio` on the demo book: its buckets are the sum of every loan's `repay state`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../core/dates/iso-date.ts";
import { loanStateAsOf } from "../../core/ledger/loan-state-as-of.ts";
import { openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { repay } from "./run-repay.ts";

let dataDir: string;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "repay-report-"));
  process.env.REPAY_DATA_DIR = dataDir;
  const seeded = await repay(["db", "seed", "--demo"]);
  expect(seeded.code).toBe(0);
}, 180_000);

afterAll(() => {
  delete process.env.REPAY_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every active loan's `repay state` on `asOf`, summed by bucket and currency in minor units. */
async function statesByBucket(asOf: string) {
  const db = await openDatabase({ dataDir });
  try {
    const store = createPrismaStore(db.prisma);
    const sums: Record<string, Record<string, bigint>> = {};
    const counts: Record<string, number> = {};
    for (const loan of await store.loans.listActive(1000)) {
      const transactions = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
      if (loan.terms.disbursedOn > asOf) continue;
      const state = loanStateAsOf(loan, transactions, asOf);
      if (state.outstanding.total.minor === 0n) continue;
      const bucket = sums[state.bucket] ?? {};
      sums[state.bucket] = bucket;
      bucket[state.currency] = (bucket[state.currency] ?? 0n) + state.outstanding.total.minor;
      counts[state.bucket] = (counts[state.bucket] ?? 0) + 1;
    }
    return { sums, counts };
  } finally {
    await db.close();
  }
}

interface Line {
  loans: number;
  outstanding: string | null;
  byCurrency: Record<string, string>;
}

const minor = (decimal: string) => BigInt(decimal.replace(".", ""));

describe("repay report portfolio", () => {
  for (const [name, asOf] of [
    ["today", today],
    ["30 days ago", addDays(today, -30)],
  ] as const) {
    it(`Should sum each open loan's repay state outstanding into its bucket (${name})`, async () => {
      const run = await repay(["report", "portfolio", "--json", "--as-of", asOf]);
      expect(run.stderr).toBe("");
      const report = JSON.parse(run.stdout);
      const expected = await statesByBucket(asOf);

      expect(report.asOf).toBe(asOf);
      const buckets = Object.entries(report.buckets) as [string, Line][];
      expect(buckets.map(([b]) => b)).toEqual(["current", "1-30", "31-60", "61-90", "90+"]);
      expect(buckets.reduce((n, [, line]) => n + line.loans, 0)).toBe(report.loans);
      expect(report.loans).toBeGreaterThan(0);
      for (const [bucket, line] of buckets) {
        expect(line.loans, bucket).toBe(expected.counts[bucket] ?? 0);
        const amounts = Object.fromEntries(
          Object.entries(line.byCurrency as Record<string, string>).map(([c, a]) => [c, minor(a)]),
        );
        expect(amounts, bucket).toEqual(expected.sums[bucket] ?? {});
      }
      expect(Object.keys(report.contacts.last7Days).sort()).toEqual([
        "console",
        "email",
        "sms",
        "telegram",
      ]);
      expect(report.promises).toMatchObject({ made: expect.any(Number), kept: expect.any(Number) });
      expect(report.plans).toMatchObject({
        offered: expect.any(Number),
        performing: expect.any(Number),
      });
    }, 120_000);
  }

  it("Should give one outstanding string per bucket for one currency, and the table by default", async () => {
    const usd = JSON.parse(
      (await repay(["report", "portfolio", "--json", "--currency", "usd"])).stdout,
    );
    expect(usd.currency).toBe("USD");
    for (const line of Object.values(usd.buckets) as Line[]) {
      expect(line.outstanding).toMatch(/^\d+\.\d\d$/);
    }
    const table = await repay(["report", "portfolio", "--as-of", today]);
    expect(table.stdout).toMatch(/^Portfolio as of \d{4}-\d\d-\d\d: \d+ open loans/);
    expect(table.stdout).toContain("Contacts, last 7 days: telegram");
  }, 120_000);

  it("Should name a bad --as-of and a bad --currency", async () => {
    const date = await repay(["report", "portfolio", "--as-of", "2026-02-30"]);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--as-of: "2026-02-30" is not a date');
    const code = await repay(["report", "portfolio", "--currency", "XYZ"]);
    expect(code.code).toBe(2);
    expect(code.stderr).toContain("--currency");
  }, 60_000);
});
