// Promises and plans by status and sent nudges by channel, counted in SQL for the portfolio.
import type { IsoDate } from "../../core/dates/index.ts";
import type { CollectedWeek, PortfolioCounts } from "../../core/ports/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { fromDbDate, toDbDate } from "../calendar-date.ts";
import { dbInstant } from "./instants.ts";

interface CountRow {
  key: string;
  n: number;
}

function tally<K extends string>(rows: readonly CountRow[], keys: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const row of rows) counts[row.key as K] = Number(row.n);
  return counts;
}

export async function portfolioCounts(
  prisma: PrismaClient,
  since: string,
  until: string,
): Promise<PortfolioCounts> {
  const from = dbInstant(since, "since");
  const to = dbInstant(until, "until");
  const promises = await prisma.$queryRaw<CountRow[]>`
    SELECT status::text AS key, count(*)::int AS n FROM promises_to_pay GROUP BY status`;
  const plans = await prisma.$queryRaw<CountRow[]>`
    SELECT status::text AS key, count(*)::int AS n FROM plans GROUP BY status`;
  const contacts = await prisma.$queryRaw<CountRow[]>`
    SELECT channel::text AS key, count(*)::int AS n FROM nudge_outbox
     WHERE status = 'sent' AND sent_at >= ${from} AND sent_at < ${to}
     GROUP BY channel`;
  return {
    promises: tally(promises, ["open", "kept", "broken", "closed"]),
    plans: tally(plans, ["proposed", "accepted", "broken", "completed"]),
    contacts: Object.fromEntries(contacts.map((row) => [row.key, Number(row.n)])),
  };
}

/** Payments by ISO week (date_trunc('week') starts on Monday) and currency, from the per-day sums. */
export async function collectedWeeks(
  prisma: PrismaClient,
  from: IsoDate,
  to: IsoDate,
): Promise<CollectedWeek[]> {
  const rows = await prisma.$queryRaw<
    { week: Date; currency: string; payments: number; amount: string }[]
  >`
    SELECT date_trunc('week', date)::date AS week, currency, sum(payments)::int AS payments,
           sum(amount_minor)::text AS amount
      FROM payment_days
     WHERE date BETWEEN ${toDbDate(from, "from")}::date AND ${toDbDate(to, "to")}::date
     GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((row) => ({
    week: fromDbDate(row.week),
    currency: row.currency,
    payments: Number(row.payments),
    amountMinor: BigInt(row.amount),
  }));
}
