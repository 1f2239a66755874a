// The portfolio report of `repay report portfolio` and the dashboard: buckets, promises, plans, contacts.
import { addDays, type IsoDate } from "../../core/dates/index.ts";
import type { DelinquencyBucket } from "../../core/delinquency/index.ts";
import { formatMoney, money } from "../../core/money/index.ts";
import { BUCKETS } from "../../core/portfolio/index.ts";
import type { BucketFigure, Channel, PortfolioStore } from "../../core/ports/index.ts";

export interface BucketLine {
  readonly loans: number;
  /** Decimal in major units when the loans are of one currency, else null (see byCurrency). */
  readonly outstanding: string | null;
  readonly byCurrency: Readonly<Record<string, string>>;
}

export interface PortfolioReport {
  readonly asOf: IsoDate;
  /** Open loans: active, disbursed by asOf, something left to pay. */
  readonly loans: number;
  /** The one currency of the open loans, or null when they are of several. */
  readonly currency: string | null;
  readonly buckets: Readonly<Record<DelinquencyBucket, BucketLine>>;
  readonly promises: { made: number; open: number; kept: number; broken: number; closed: number };
  readonly plans: {
    offered: number;
    accepted: number;
    performing: number;
    broken: number;
    completed: number;
  };
  readonly contacts: { readonly last7Days: Readonly<Record<Channel, number>> };
}

const CHANNELS: readonly Channel[] = ["telegram", "sms", "email", "console"];

/** The UTC window of the 7 days ending with `asOf`: [asOf - 6 days, asOf + 1 day). */
export function last7Days(asOf: IsoDate): { since: string; until: string } {
  return {
    since: `${addDays(asOf, -6)}T00:00:00.000Z`,
    until: `${addDays(asOf, 1)}T00:00:00.000Z`,
  };
}

/** Sums bucket figures into report lines; `currency` keeps only that currency's loans. */
export function bucketLines(
  figures: readonly BucketFigure[],
  currency?: string,
): Record<DelinquencyBucket, BucketLine> {
  const kept = figures.filter((f) => currency === undefined || f.currency === currency);
  const currencies = new Set(kept.map((f) => f.currency));
  const lines = {} as Record<DelinquencyBucket, BucketLine>;
  for (const bucket of BUCKETS) {
    const mine = kept.filter((f) => f.bucket === bucket);
    const byCurrency: Record<string, string> = {};
    for (const f of mine)
      byCurrency[f.currency] = formatMoney(money(f.outstandingMinor, f.currency));
    const only = currencies.size === 1 ? [...currencies][0] : undefined;
    lines[bucket] = {
      loans: mine.reduce((n, f) => n + f.loans, 0),
      outstanding: only ? (byCurrency[only] ?? formatMoney(money(0n, only))) : null,
      byCurrency,
    };
  }
  return lines;
}

/** The report for `asOf` from stored positions (run refreshPositions for that date first). */
export async function portfolioReport(
  portfolio: PortfolioStore,
  asOf: IsoDate,
  currency?: string,
): Promise<PortfolioReport> {
  const figures = await portfolio.bucketFigures(asOf);
  const { since, until } = last7Days(asOf);
  const counts = await portfolio.counts(since, until);
  const buckets = bucketLines(figures, currency);
  const currencies = new Set(
    figures.filter((f) => currency === undefined || f.currency === currency).map((f) => f.currency),
  );
  const p = counts.promises;
  const plans = counts.plans;
  const last7 = Object.fromEntries(CHANNELS.map((c) => [c, counts.contacts[c] ?? 0]));
  return {
    asOf,
    loans: BUCKETS.reduce((n, b) => n + buckets[b].loans, 0),
    currency: currencies.size === 1 ? ([...currencies][0] ?? null) : (currency ?? null),
    buckets,
    promises: { made: p.open + p.kept + p.broken + p.closed, ...p },
    plans: {
      offered: plans.proposed + plans.accepted + plans.broken + plans.completed,
      accepted: plans.accepted + plans.broken + plans.completed,
      performing: plans.accepted,
      broken: plans.broken,
      completed: plans.completed,
    },
    contacts: { last7Days: last7 as Record<Channel, number> },
  };
}

/** The report as a few aligned lines for a terminal. */
export function portfolioTable(report: PortfolioReport): string {
  const lines = [`Portfolio as of ${report.asOf}: ${report.loans} open loans`, ""];
  lines.push(`${"bucket".padEnd(8)} ${"loans".padStart(6)}  outstanding`);
  for (const bucket of BUCKETS) {
    const line = report.buckets[bucket];
    const amounts = Object.entries(line.byCurrency)
      .map(([code, amount]) => `${code} ${amount}`)
      .join(", ");
    lines.push(`${bucket.padEnd(8)} ${String(line.loans).padStart(6)}  ${amounts || "-"}`);
  }
  const p = report.promises;
  const plans = report.plans;
  lines.push(
    "",
    `Promises: ${p.made} made, ${p.kept} kept, ${p.broken} broken, ${p.open} open, ${p.closed} closed`,
    `Plans: ${plans.offered} offered, ${plans.accepted} accepted, ${plans.performing} performing, ${plans.broken} broken, ${plans.completed} completed`,
    `Contacts, last 7 days: ${Object.entries(report.contacts.last7Days)
      .map(([channel, n]) => `${channel} ${n}`)
      .join(", ")}`,
  );
  return lines.join("\n");
}
