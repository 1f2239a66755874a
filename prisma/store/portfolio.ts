// PortfolioStore on Prisma: positions in loan_positions; their sums per date (portfolio_days) and roll rates (portfolio_rolls) kept with them.
import type { IsoDate } from "../../core/dates/index.ts";
import type { DelinquencyBucket } from "../../core/delinquency/index.ts";
import { bucketRank } from "../../core/portfolio/index.ts";
import type { BucketFigure, LoanPosition, PortfolioStore } from "../../core/ports/index.ts";
import { checkPositions } from "../../core/store/index.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { fromDbDate, toDbDate } from "../calendar-date.ts";
import { BULK_TRANSACTION, chunks, insertUnnest } from "./bulk-insert.ts";
import { collectedWeeks, portfolioCounts } from "./portfolio-counts.ts";
import { keepRollsAround, readRolls } from "./portfolio-rolls.ts";
import {
  changedLoans,
  changeMark,
  lockDate,
  markComputed,
  POSITION_COLUMNS,
  positionRows,
  updatePositions,
} from "./portfolio-update.ts";

interface FigureRow {
  as_of: Date;
  bucket: string;
  currency: string;
  loans: number;
  outstanding: string;
}

function figureFromRow(row: FigureRow): BucketFigure {
  return {
    asOf: fromDbDate(row.as_of),
    bucket: row.bucket as DelinquencyBucket,
    currency: row.currency,
    loans: Number(row.loans),
    outstandingMinor: BigInt(row.outstanding),
  };
}

const byDateBucketCurrency = (a: BucketFigure, b: BucketFigure): number =>
  (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0) ||
  bucketRank(a.bucket) - bucketRank(b.bucket) ||
  (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0);

export function prismaPortfolio(prisma: PrismaClient): PortfolioStore {
  async function history(dates: readonly IsoDate[]): Promise<BucketFigure[]> {
    if (dates.length === 0) return [];
    const days = Prisma.join(dates.map((d) => Prisma.sql`${toDbDate(d, "asOf")}::date`));
    const rows = await prisma.$queryRaw<FigureRow[]>`
      SELECT as_of, bucket, currency, loans, outstanding_minor::text AS outstanding
        FROM portfolio_days WHERE as_of IN (${days})`;
    return rows.map(figureFromRow).sort(byDateBucketCurrency);
  }

  return {
    changeMark: () => changeMark(prisma),
    async replacePositions(asOf, positions, mark) {
      checkPositions(asOf, positions);
      const since = mark ?? (await changeMark(prisma));
      const day = toDbDate(asOf, "asOf");
      await prisma.$transaction(async (tx) => {
        await lockDate(tx, asOf);
        await tx.loanPosition.deleteMany({ where: { asOf: day } });
        for (const run of chunks(positions, 5000)) {
          await insertUnnest(tx, "loan_positions", POSITION_COLUMNS, positionRows(run));
        }
        // The date's sums and roll rates, kept with its positions: pages read these few rows.
        await tx.portfolioDay.deleteMany({ where: { asOf: day } });
        await tx.$executeRaw`
          INSERT INTO portfolio_days (as_of, bucket, currency, loans, outstanding_minor)
          SELECT as_of, bucket, currency, count(*)::int, sum(outstanding_minor)
            FROM loan_positions WHERE as_of = ${day}::date GROUP BY as_of, bucket, currency`;
        await markComputed(tx, asOf, since);
        await keepRollsAround(tx, asOf);
      }, BULK_TRANSACTION);
    },
    changedLoans: (dates) => changedLoans(prisma, dates),
    updatePositions: (asOf, loanIds, positions, checkedAt) =>
      updatePositions(prisma, asOf, loanIds, positions, checkedAt),
    async bucketFigures(asOf) {
      return history([asOf]);
    },
    bucketHistory: history,
    rollRates: (from, to) => readRolls(prisma, from, to),
    async positions(asOf, bucket, limit) {
      const rows = await prisma.loanPosition.findMany({
        where: { asOf: toDbDate(asOf, "asOf"), ...(bucket ? { bucket } : {}) },
        orderBy: { loanId: "asc" },
        take: limit,
      });
      return rows.map(
        (row): LoanPosition => ({
          loanId: row.loanId,
          asOf: fromDbDate(row.asOf),
          daysPastDue: row.daysPastDue,
          bucket: row.bucket as DelinquencyBucket,
          currency: row.currency,
          outstandingMinor: row.outstandingMinor,
        }),
      );
    },
    counts: (since, until) => portfolioCounts(prisma, since, until),
    collected: (from, to) => collectedWeeks(prisma, from, to),
  };
}
