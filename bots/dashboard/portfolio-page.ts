// The Portfolio page: buckets today and over 90 days, roll rates, collections, promises and plans.
import { addDays, type IsoDate } from "../../core/dates/index.ts";
import { formatMoney, money } from "../../core/money/index.ts";
import { BUCKETS } from "../../core/portfolio/index.ts";
import type { BucketFigure, PortfolioStore, RollFigure } from "../../core/ports/index.ts";
import { portfolioReport } from "../report/portfolio-report.ts";
import { esc, jsonIsland, link, table } from "./html.ts";

/** The chart's dates: every 7 days back to 84 days ago, and 90 days ago. */
export function historyDates(asOf: IsoDate): IsoDate[] {
  const dates = [addDays(asOf, -90)];
  for (let back = 84; back >= 0; back -= 7) dates.push(addDays(asOf, -back));
  return dates;
}

/** Every date the page reads positions of: the chart's and the month ends of the roll rates. */
export function portfolioDates(asOf: IsoDate): IsoDate[] {
  return [...new Set([...historyDates(asOf), addDays(asOf, -30), addDays(asOf, -60)])];
}

const COLORS = ["#2e7d32", "#f9a825", "#ef6c00", "#c62828", "#6a1b9a"];
const rowsHref = (asOf: IsoDate, bucket?: string) =>
  `/dashboard/rows?asOf=${asOf}${bucket ? `&bucket=${encodeURIComponent(bucket)}` : ""}`;
const amounts = (figures: readonly BucketFigure[]) =>
  figures
    .map((f) => `${f.currency} ${formatMoney(money(f.outstandingMinor, f.currency))}`)
    .join(", ");

/** The figures summed over buckets, one per currency. */
function byCurrency(figures: readonly BucketFigure[]): BucketFigure[] {
  const sums = new Map<string, BucketFigure>();
  for (const f of figures) {
    const was = sums.get(f.currency);
    sums.set(f.currency, {
      ...f,
      loans: (was?.loans ?? 0) + f.loans,
      outstandingMinor: (was?.outstandingMinor ?? 0n) + f.outstandingMinor,
    });
  }
  return [...sums.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

export async function portfolioPage(portfolio: PortfolioStore, asOf: IsoDate, csrf: string) {
  const report = await portfolioReport(portfolio, asOf);
  const today = await portfolio.bucketFigures(asOf);
  const dates = historyDates(asOf);
  const history = await portfolio.bucketHistory(dates);
  const rolls = [
    { from: addDays(asOf, -60), to: addDays(asOf, -30) },
    { from: addDays(asOf, -30), to: asOf },
  ];
  const rollFigures = await Promise.all(rolls.map((r) => portfolio.rollRates(r.from, r.to)));
  const collected = await portfolio.collected(addDays(asOf, -90), asOf);

  const bucketRows = BUCKETS.map((bucket) => {
    const mine = today.filter((f) => f.bucket === bucket);
    return [
      esc(bucket),
      link(rowsHref(asOf, bucket), report.buckets[bucket].loans),
      esc(amounts(mine) || "-"),
    ];
  });
  bucketRows.push([
    "<b>open loans</b>",
    link(rowsHref(asOf), report.loans),
    esc(amounts(byCurrency(today))),
  ]);

  const chart = {
    type: "bar",
    data: {
      labels: dates,
      datasets: BUCKETS.map((bucket, i) => ({
        label: bucket,
        backgroundColor: COLORS[i],
        data: dates.map((d) =>
          history
            .filter((f) => f.asOf === d && f.bucket === bucket)
            .reduce((n, f) => n + f.loans, 0),
        ),
      })),
    },
    options: {
      scales: {
        x: { stacked: true },
        y: { stacked: true, title: { display: true, text: "open loans" } },
      },
    },
    links: dates.map((d) => rowsHref(d)),
  };

  const p = report.promises;
  const plans = report.plans;
  return `
<section><h2>Open loans by days past due, ${esc(asOf)} <a class="csv" href="/dashboard/csv/buckets?asOf=${asOf}">CSV</a></h2>
${table("buckets", ["bucket", "loans", "outstanding"], bucketRows)}
<form method="post" action="/dashboard/recompute"><input type="hidden" name="_csrf" value="${esc(csrf)}"><button>Recompute today's figures</button></form></section>
<section><h2>Open loans by bucket, last 90 days</h2>
<div class="chart"><canvas id="bucket-chart" data-chart="bucket-chart-data"></canvas></div>${jsonIsland("bucket-chart-data", chart)}</section>
<section><h2>Roll rates <a class="csv" href="/dashboard/csv/rolls?asOf=${asOf}">CSV</a></h2>
${rolls.map((r, i) => rollTable(r.from, r.to, rollFigures[i] ?? [])).join("")}</section>
<section><h2>Collected per week <a class="csv" href="/dashboard/csv/collected?asOf=${asOf}">CSV</a></h2>
${table(
  "collected",
  ["week from", "currency", "payments", "amount"],
  collected.map((w) => [
    esc(w.week),
    esc(w.currency),
    esc(w.payments),
    esc(formatMoney(money(w.amountMinor, w.currency))),
  ]),
)}</section>
<section><h2>Promises and plans <a class="csv" href="/dashboard/csv/promises-plans?asOf=${asOf}">CSV</a></h2>
${table(
  "promises",
  ["promises made", "kept", "broken", "open", "closed"],
  [[p.made, p.kept, p.broken, p.open, p.closed].map(esc)],
)}
${table(
  "plans",
  ["plans offered", "accepted", "performing", "broken", "completed"],
  [[plans.offered, plans.accepted, plans.performing, plans.broken, plans.completed].map(esc)],
)}</section>`;
}

function rollTable(from: IsoDate, to: IsoDate, figures: readonly RollFigure[]): string {
  const targets = [...BUCKETS, "closed"] as const;
  const rows = BUCKETS.map((bucket) => {
    const mine = figures.filter((f) => f.from === bucket);
    const total = mine.reduce((n, f) => n + f.loans, 0);
    return [
      link(rowsHref(from, bucket), `${bucket} (${total})`),
      ...targets.map((to) => {
        const n = mine.find((f) => f.to === to)?.loans ?? 0;
        return total ? `${esc(Math.round((n * 100) / total))}% <small>(${n})</small>` : "-";
      }),
    ];
  });
  return `<h3>${esc(from)} → ${esc(to)}</h3>${table(`roll-${to}`, ["from \\ to", ...targets], rows)}`;
}
