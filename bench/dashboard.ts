// Dashboard first render on a large book: the Portfolio page's SQL sums over stored positions.
//   npm run bench:dashboard                  100,000 loans on an in-memory PGlite
//   npm run bench:dashboard -- --loans 10000
//
// Loans, payments and 16 dates of positions (the page's 90-day chart and roll rates) are
// written first (timed apart); then GET /dashboard is timed through the real app, logged in:
// first render (checks which loans changed since each date was written, then reads the sums),
// a second one, and a third after 100 payments (their loans' positions recomputed first).
// Positions carry core/delinquency's bucket for a days-past-due spread across the buckets.
// Timings are reported, never asserted.
import { parseArgs } from "node:util";
import { Hono } from "hono";
import { mountDashboard } from "../bots/dashboard/mount-dashboard.ts";
import { portfolioDates } from "../bots/dashboard/portfolio-page.ts";
import { addDays } from "../core/dates/iso-date.ts";
import { delinquencyBucket } from "../core/delinquency/bucket.ts";
import { money } from "../core/money/money.ts";
import type { LoanPosition } from "../core/ports/portfolio.ts";
import { openDatabase } from "../prisma/database.ts";
import { prismaContactRecords } from "../prisma/store/contact-records.ts";
import { createPrismaStore } from "../prisma/store/index.ts";
import { positiveInt } from "./lib/cli-args.ts";
import { peakRssMb, round, timed } from "./lib/measure.ts";
import { seededRandom } from "./prng.ts";

const { values } = parseArgs({ options: { loans: { type: "string", default: "100000" } } });
const loanCount = positiveInt("loans", values.loans);
const PASSWORD = "bench dashboard password";
const today = new Date().toISOString().slice(0, 10);

const db = await openDatabase({ memory: true });
const store = createPrismaStore(db.prisma);
const book = await timed(async () => {
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO borrowers (id, external_ref, name, updated_at)
    SELECT 'b' || g, 'B-' || g, 'Borrower ' || g, now() FROM generate_series(1, ${loanCount}) g`);
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO loans (id, external_ref, borrower_id, currency, principal_minor, annual_rate, term_count,
                       frequency, method, interest_method, day_count, disbursed_on, updated_at)
    SELECT 'l' || lpad(g::text, 7, '0'), 'L-' || g, 'b' || g, CASE WHEN g % 5 = 0 THEN 'GBP' ELSE 'USD' END,
           100000 + g % 900000, '0.12', 12, 'monthly', 'annuity', 'declining', '30/360', DATE '${addDays(today, -200)}', now()
      FROM generate_series(1, ${loanCount}) g`);
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO transactions (id, loan_id, type, date, amount_minor, currency, idempotency_key)
    SELECT 't' || g || '-' || k, 'l' || lpad(g::text, 7, '0'), 'payment', DATE '${today}' - (k * 30 + g % 30),
           5000 + g % 5000, CASE WHEN g % 5 = 0 THEN 'GBP' ELSE 'USD' END, 'p' || g || '-' || k
      FROM generate_series(1, ${loanCount}) g, generate_series(0, 2) k`);
});

const random = seededRandom(20261205);
const dates = portfolioDates(today);
const positions = await timed(async () => {
  for (const asOf of dates) {
    const rows: LoanPosition[] = [];
    for (let i = 1; i <= loanCount; i++) {
      const dpd = random.chance(0.7) ? 0 : random.int(1, 150);
      rows.push({
        loanId: `l${String(i).padStart(7, "0")}`,
        asOf,
        daysPastDue: dpd,
        bucket: delinquencyBucket(dpd),
        currency: i % 5 === 0 ? "GBP" : "USD",
        outstandingMinor: BigInt(random.int(50_000, 950_000)),
      });
    }
    await store.portfolio.replacePositions(asOf, rows);
  }
});

const app = new Hono();
mountDashboard(app, {
  store,
  contactRecords: prismaContactRecords(db.prisma),
  database: "pglite",
  profile: "default",
  env: { DASHBOARD_PASSWORD: PASSWORD },
});
const login = await app.request("http://127.0.0.1/dashboard/login", {
  method: "POST",
  body: new URLSearchParams({ password: PASSWORD }),
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
const render = () =>
  timed(async () => {
    const response = await app.request("http://127.0.0.1/dashboard", { headers: { cookie } });
    if (response.status !== 200) throw new Error(`GET /dashboard: ${response.status}`);
    return (await response.text()).length;
  });
const first = await render();
const second = await render();
// 100 payments arrive: the next render recomputes those loans' positions on every date shown.
const PAID = 100;
for (let i = 1; i <= PAID; i++) {
  const loanId = `l${String(i * Math.floor(loanCount / PAID)).padStart(7, "0")}`;
  await store.transactions.record(loanId, `bench-pay-${i}`, {
    type: "payment",
    date: today,
    amount: money(10_000n, (i * Math.floor(loanCount / PAID)) % 5 === 0 ? "GBP" : "USD"),
  });
}
const afterPayments = await render();
await db.close();

console.log(
  JSON.stringify({
    bench: "dashboard",
    database: "pglite (in memory)",
    loans: loanCount,
    positionDates: dates.length,
    positionRows: dates.length * loanCount,
    bookMs: round(book.ms, 0),
    positionsWriteMs: round(positions.ms, 0),
    firstRenderMs: round(first.ms, 0),
    secondRenderMs: round(second.ms, 0),
    paymentsBeforeThirdRender: PAID,
    renderAfterPaymentsMs: round(afterPayments.ms, 0),
    htmlBytes: first.value,
    peakRssMb: peakRssMb(),
  }),
);
