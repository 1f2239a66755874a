// Roll rates kept in portfolio_rolls: written with a date's positions, kept in step by deltas, read as a few rows.

import { addDays, type IsoDate } from "../../core/dates/index.ts";
import type { DelinquencyBucket } from "../../core/delinquency/index.ts";
import { bucketRank } from "../../core/portfolio/index.ts";
import type { RollFigure } from "../../core/ports/index.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { fromDbDate, toDbDate } from "../calendar-date.ts";
import { arrayLiteral } from "./bulk-insert.ts";

type Db = Prisma.TransactionClient;

/** The gap between the two dates of a kept roll rate: the page's month-to-month rolls. */
export const ROLL_GAP_DAYS = 30;

const day = (date: IsoDate, field: string) => toDbDate(date, field);

/** Recomputes the roll rates from `from` to `to` in SQL and keeps them. */
export async function keepRolls(db: Db, from: IsoDate, to: IsoDate): Promise<void> {
  await db.$executeRaw`DELETE FROM portfolio_rolls WHERE from_date = ${day(from, "from")}::date AND to_date = ${day(to, "to")}::date`;
  await db.$executeRaw`
    INSERT INTO portfolio_rolls (from_date, to_date, from_bucket, to_bucket, loans)
    SELECT ${day(from, "from")}::date, ${day(to, "to")}::date, a.bucket, coalesce(b.bucket, 'closed'), count(*)::int
      FROM loan_positions a
      LEFT JOIN loan_positions b ON b.loan_id = a.loan_id AND b.as_of = ${day(to, "to")}::date
     WHERE a.as_of = ${day(from, "from")}::date
     GROUP BY a.bucket, b.bucket`;
}

/**
 * After `asOf`'s positions were all rewritten: drops the rolls that involved it and keeps the
 * ones to and from the dates ROLL_GAP_DAYS before and after it that have positions.
 */
export async function keepRollsAround(db: Db, asOf: IsoDate): Promise<void> {
  const d = day(asOf, "asOf");
  await db.$executeRaw`DELETE FROM portfolio_rolls WHERE from_date = ${d}::date OR to_date = ${d}::date`;
  const before = addDays(asOf, -ROLL_GAP_DAYS);
  const after = addDays(asOf, ROLL_GAP_DAYS);
  const present = await db.$queryRaw<{ as_of: Date }[]>`
    SELECT as_of FROM portfolio_dates
     WHERE as_of IN (${day(before, "before")}::date, ${day(after, "after")}::date)`;
  for (const row of present) {
    const other = fromDbDate(row.as_of);
    if (other === before) await keepRolls(db, before, asOf);
    else await keepRolls(db, asOf, after);
  }
}

/** The kept date pairs that involve `asOf`. */
export async function rollPairsOf(db: Db, asOf: IsoDate): Promise<[IsoDate, IsoDate][]> {
  const d = day(asOf, "asOf");
  const rows = await db.$queryRaw<{ from_date: Date; to_date: Date }[]>`
    SELECT DISTINCT from_date, to_date FROM portfolio_rolls
     WHERE from_date = ${d}::date OR to_date = ${d}::date`;
  return rows.map((row) => [fromDbDate(row.from_date), fromDbDate(row.to_date)]);
}

/**
 * Adds (sign 1) or takes away (sign -1) what `loanIds`' positions contribute to the kept
 * rolls from `from` to `to`: take away before their positions change, add after.
 */
export async function shiftRolls(
  db: Db,
  from: IsoDate,
  to: IsoDate,
  loanIds: readonly string[],
  sign: 1 | -1,
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO portfolio_rolls (from_date, to_date, from_bucket, to_bucket, loans)
    SELECT ${day(from, "from")}::date, ${day(to, "to")}::date, a.bucket, coalesce(b.bucket, 'closed'), ${sign}::int * count(*)::int
      FROM loan_positions a
      LEFT JOIN loan_positions b ON b.loan_id = a.loan_id AND b.as_of = ${day(to, "to")}::date
     WHERE a.as_of = ${day(from, "from")}::date AND a.loan_id = ANY(${arrayLiteral(loanIds)}::text[])
     GROUP BY a.bucket, b.bucket
    ON CONFLICT (from_date, to_date, from_bucket, to_bucket) DO UPDATE
      SET loans = portfolio_rolls.loans + excluded.loans`;
}

interface RollRow {
  from: string;
  to: string | null;
  loans: number;
}

function figures(rows: readonly RollRow[]): RollFigure[] {
  return rows
    .filter((row) => Number(row.loans) > 0)
    .map(
      (row): RollFigure => ({
        from: row.from as DelinquencyBucket,
        to: (row.to ?? "closed") as RollFigure["to"],
        loans: Number(row.loans),
      }),
    )
    .sort((a, b) => bucketRank(a.from) - bucketRank(b.from) || bucketRank(a.to) - bucketRank(b.to));
}

/**
 * Roll rates from `from` to `to`: the kept rows when there are; else, when both dates have
 * positions, computed once and kept; else computed from whatever positions there are.
 */
export async function readRolls(db: Db, from: IsoDate, to: IsoDate): Promise<RollFigure[]> {
  const f = day(from, "from");
  const t = day(to, "to");
  const read = () => db.$queryRaw<RollRow[]>`
    SELECT from_bucket AS "from", to_bucket AS "to", loans FROM portfolio_rolls
     WHERE from_date = ${f}::date AND to_date = ${t}::date`;
  const kept = await read();
  if (kept.length > 0) return figures(kept);
  const dates = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM portfolio_dates WHERE as_of IN (${f}::date, ${t}::date)`;
  if (from !== to && Number(dates[0]?.n) === 2) {
    await keepRolls(db, from, to);
    return figures(await read());
  }
  return figures(
    await db.$queryRaw<RollRow[]>`
      SELECT a.bucket AS "from", b.bucket AS "to", count(*)::int AS loans
        FROM loan_positions a
        LEFT JOIN loan_positions b ON b.loan_id = a.loan_id AND b.as_of = ${t}::date
       WHERE a.as_of = ${f}::date
       GROUP BY a.bucket, b.bucket`,
  );
}
