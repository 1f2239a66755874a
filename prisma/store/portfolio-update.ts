// Positions kept current: which loans moved since a date was computed, and their new positions with the sums in step.
import type { IsoDate } from "../../core/dates/index.ts";
import type { ChangedLoans, LoanPosition } from "../../core/ports/index.ts";
import { checkPositions } from "../../core/store/index.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { fromDbDate, toDbDate } from "../calendar-date.ts";
import { arrayLiteral, BULK_TRANSACTION, chunks, insertUnnest } from "./bulk-insert.ts";
import { rollPairsOf, shiftRolls } from "./portfolio-rolls.ts";

export const POSITION_COLUMNS = [
  { name: "loan_id", type: "text" },
  { name: "as_of", type: "date" },
  { name: "days_past_due", type: "integer" },
  { name: "bucket", type: "text" },
  { name: "currency", type: "varchar(3)" },
  { name: "outstanding_minor", type: "bigint" },
] as const;

/** Positions as the text rows insertUnnest takes. */
export function positionRows(positions: readonly LoanPosition[]): string[][] {
  return positions.map((p) => [
    p.loanId,
    p.asOf,
    String(p.daysPastDue),
    p.bucket,
    p.currency,
    String(p.outstandingMinor),
  ]);
}

/**
 * Holds the date's lock until the transaction ends: two writers of one date's positions would
 * otherwise both take away the same old rows from the sums.
 */
export async function lockDate(db: Prisma.TransactionClient, asOf: IsoDate): Promise<void> {
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`repay portfolio ${asOf}`}))::text AS locked`;
}

/**
 * The oldest database transaction still running: every change by an older one is visible to
 * reads from now on, and every change a read from now on could miss is by this one or newer.
 */
export async function changeMark(db: Prisma.TransactionClient | PrismaClient): Promise<string> {
  const rows = await db.$queryRaw<{ mark: string }[]>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS mark`;
  return markOf(rows[0]?.mark ?? "", "mark");
}

/** A mark as the bigint it stands for; anything else is refused. */
function markOf(mark: string, field: string): string {
  if (!/^\d{1,19}$/.test(mark)) throw new Error(`${field}: not a change mark: ${mark}`);
  return mark;
}

/** Marks `asOf` as holding every change before `mark`. */
export async function markComputed(db: Prisma.TransactionClient, asOf: IsoDate, mark: string) {
  await db.$executeRaw`
    INSERT INTO portfolio_dates (as_of, changes_from, computed_at)
    VALUES (${toDbDate(asOf, "asOf")}::date, ${markOf(mark, "mark")}::bigint, now())
    ON CONFLICT (as_of) DO UPDATE SET changes_from = excluded.changes_from, computed_at = now()`;
}

export async function changedLoans(
  prisma: PrismaClient,
  dates: readonly IsoDate[],
): Promise<Map<IsoDate, ChangedLoans>> {
  const result = new Map<IsoDate, ChangedLoans>();
  if (dates.length === 0) return result;
  const mark = await changeMark(prisma);
  const days = await prisma.portfolioDate.findMany({
    where: { asOf: { in: [...new Set(dates)].map((d) => toDbDate(d, "dates")) } },
  });
  if (days.length === 0) return result;
  let oldest = days[0]?.changesFrom ?? 0n;
  for (const d of days) if (d.changesFrom < oldest) oldest = d.changesFrom;
  const changes = await prisma.positionChange.findMany({
    where: { xid: { gte: oldest } },
    select: { loanId: true, xid: true },
  });
  const unchanged: Date[] = [];
  for (const d of days) {
    const loanIds = changes.filter((c) => c.xid >= d.changesFrom).map((c) => c.loanId);
    result.set(fromDbDate(d.asOf), { loanIds, mark });
    if (loanIds.length === 0) unchanged.push(d.asOf);
  }
  // Nothing moved on these dates before `mark`: move them on, so the next look reads only
  // newer changes.
  if (unchanged.length > 0) {
    await prisma.portfolioDate.updateMany({
      where: { asOf: { in: unchanged } },
      data: { changesFrom: BigInt(mark) },
    });
  }
  return result;
}

/** The sums of `asOf` for `loanIds`' positions, added (1) or taken away (-1). */
async function shiftDay(
  db: Prisma.TransactionClient,
  asOf: IsoDate,
  ids: string,
  sign: 1 | -1,
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO portfolio_days (as_of, bucket, currency, loans, outstanding_minor)
    SELECT as_of, bucket, currency, ${sign}::int * count(*)::int, ${sign}::int * sum(outstanding_minor)
      FROM loan_positions WHERE as_of = ${toDbDate(asOf, "asOf")}::date AND loan_id = ANY(${ids}::text[])
     GROUP BY as_of, bucket, currency
    ON CONFLICT (as_of, bucket, currency) DO UPDATE
      SET loans = portfolio_days.loans + excluded.loans,
          outstanding_minor = portfolio_days.outstanding_minor + excluded.outstanding_minor`;
}

export async function updatePositions(
  prisma: PrismaClient,
  asOf: IsoDate,
  loanIds: readonly string[],
  positions: readonly LoanPosition[],
  mark: string,
): Promise<void> {
  checkPositions(asOf, positions);
  markOf(mark, "mark");
  const d = toDbDate(asOf, "asOf");
  await prisma.$transaction(async (tx) => {
    await lockDate(tx, asOf);
    const pairs = await rollPairsOf(tx, asOf);
    for (const run of chunks([...new Set([...loanIds, ...positions.map((p) => p.loanId)])], 5000)) {
      const ids = arrayLiteral(run);
      const mine = new Set(run);
      for (const [from, to] of pairs) await shiftRolls(tx, from, to, run, -1);
      await shiftDay(tx, asOf, ids, -1);
      await tx.$executeRaw`DELETE FROM loan_positions WHERE as_of = ${d}::date AND loan_id = ANY(${ids}::text[])`;
      await insertUnnest(
        tx,
        "loan_positions",
        POSITION_COLUMNS,
        positionRows(positions.filter((p) => mine.has(p.loanId))),
      );
      await shiftDay(tx, asOf, ids, 1);
      for (const [from, to] of pairs) await shiftRolls(tx, from, to, run, 1);
    }
    await tx.$executeRaw`DELETE FROM portfolio_days WHERE as_of = ${d}::date AND loans = 0`;
    await markComputed(tx, asOf, mark);
  }, BULK_TRANSACTION);
}
