// Positions are never stale: after a payment the Portfolio page and `repay report portfolio` show its new bucket and amount.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountDashboard } from "../../bots/dashboard/mount-dashboard.ts";
import { loanStateAsOf } from "../../core/ledger/loan-state-as-of.ts";
import { formatMoney, money } from "../../core/money/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { prismaContactRecords } from "../../prisma/store/contact-records.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { repay } from "../cli/run-repay.ts";
import { logIn, PASSWORD } from "./dashboard-harness.ts";

let dataDir: string;
const today = new Date().toISOString().slice(0, 10);

interface Report {
  loans: number;
  buckets: Record<string, { loans: number; byCurrency: Record<string, string> }>;
}

async function report(): Promise<Report> {
  const run = await repay(["report", "portfolio", "--json"]);
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout);
}

/** The bucket table's loan counts on the Portfolio page. */
function pageCounts(html: string): Record<string, number> {
  const table = /<table id="buckets">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
  return Object.fromEntries(
    [...table.matchAll(/<tr><td>([^<]+)<\/td><td><a [^>]*>(\d+)<\/a>/g)].map((m) => [
      m[1] ?? "",
      Number(m[2]),
    ]),
  );
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "repay-fresh-"));
  process.env.REPAY_DATA_DIR = dataDir;
  expect((await repay(["db", "seed", "--demo"])).code).toBe(0);
}, 180_000);

afterAll(() => {
  delete process.env.REPAY_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("positions after a payment", () => {
  it("Should move a late loan to current with its new outstanding on the page and in the report, without a recompute", async () => {
    const before = await report();

    const db = await openDatabase({ dataDir });
    let loanRef = "";
    let newOutstanding = "";
    let late = "";
    let currency = "";
    let outstandingMinor = 0n;
    try {
      const store = createPrismaStore(db.prisma);
      const app = new Hono();
      mountDashboard(app, {
        store,
        contactRecords: prismaContactRecords(db.prisma),
        database: "pglite",
        profile: "default",
        env: { DASHBOARD_PASSWORD: PASSWORD },
      });
      const cookie = await logIn(app);
      const get = async (path: string) =>
        (await app.request(`http://127.0.0.1${path}`, { headers: { cookie } })).text();
      const first = pageCounts(await get("/dashboard"));
      expect(first).toMatchObject(
        Object.fromEntries(Object.entries(before.buckets).map(([b, line]) => [b, line.loans])),
      );

      // A loan that is late today, and a payment of everything overdue on it.
      late =
        ["1-30", "31-60", "61-90", "90+"].find((b) => (before.buckets[b]?.loans ?? 0) > 0) ?? "";
      const [position] = await store.portfolio.positions(today, late as "1-30", 1);
      const loan = await store.loans.byId(position?.loanId ?? "");
      if (!loan) throw new Error("no late loan in the demo book");
      loanRef = loan.externalRef;
      const records = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
      const state = loanStateAsOf(loan, records, today);
      await store.transactions.record(loan.id, "fresh-payment-1", {
        type: "payment",
        date: today,
        amount: state.overdue.total,
      });
      const after = loanStateAsOf(
        loan,
        (await store.transactions.forLoan(loan.id)).map((r) => r.transaction),
        today,
      );
      expect(after.bucket).toBe("current");
      newOutstanding = formatMoney(money(after.outstanding.total.minor, after.currency));
      currency = after.currency;
      outstandingMinor = after.outstanding.total.minor;

      const second = pageCounts(await get("/dashboard"));
      expect(second[late]).toBe((first[late] ?? 0) - 1);
      expect(second.current).toBe((first.current ?? 0) + 1);
      const rows = await get("/dashboard/rows?bucket=current");
      const row = new RegExp(`<td>${loanRef}</td>.*?</tr>`).exec(rows)?.[0] ?? "";
      expect(row).toContain(`<td>${newOutstanding}</td>`);
    } finally {
      await db.close();
    }

    const later = await report();
    expect(later.buckets[late]?.loans).toBe((before.buckets[late]?.loans ?? 0) - 1);
    expect(later.buckets.current?.loans).toBe((before.buckets.current?.loans ?? 0) + 1);
    expect(later.loans).toBe(before.loans);
    const minor = (line: Report["buckets"][string] | undefined) =>
      BigInt((line?.byCurrency[currency] ?? "0.00").replace(".", ""));
    expect(minor(later.buckets.current)).toBe(minor(before.buckets.current) + outstandingMinor);
  }, 240_000);
});
