// PortfolioStore on Prisma: positions in loan_positions, their sums per date in portfolio_days (SQL).
import type { IsoDate } from "../../core/dates/index.ts";
import type { DelinquencyBucket } from "../../core/delinquency/index.ts";
import { bucketRank } from "../../core/portfolio/index.ts";
import type {
  BucketFigure,
  LoanPosition,
  PortfolioStore,
  RollFigure,
} from "../../core/ports/index.ts";
import { checkPositions } from "../../core/store/index.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { fromDbDate, toDbDate } from "../calendar-date.ts";
import { BULK_TRANSACTION, chunks, insertUnnest } from "./bulk-insert.ts";
import { collectedWeeks, portfolioCounts } from "./portfolio-counts.ts";

const POSITION_COLUMNS = [
  { name: "loan_id", type: "text" },
  { name: "as_of", type: "date" },
  { name: "days_past_due", type: "integer" },
  { name: "bucket", type: "text" },
  { name: "currency", type: "varchar(3)" },
  { name: "outstanding_minor", type: "bigint" },
] as const;

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
    async replacePositions(asOf, positions) {
      checkPositions(asOf, positions);
      const day = toDbDate(asOf, "asOf");
      await prisma.$transaction(async (tx) => {
        await tx.loanPosition.deleteMany({ where: { asOf: day } });
        for (const run of chunks(positions, 5000)) {
          await insertUnnest(
            tx,
            "loan_positions",
            POSITION_COLUMNS,
            run.map((p) => [
              p.loanId,
              p.asOf,
              String(p.daysPastDue),
              p.bucket,
              p.currency,
              String(p.outstandingMinor),
            ]),
          );
        }
        // The date's sums, kept with its positions: pages read these few rows.
        await tx.portfolioDay.deleteMany({ where: { asOf: day } });
        await tx.$executeRaw`
          INSERT INTO portfolio_days (as_of, bucket, currency, loans, outstanding_minor)
          SELECT as_of, bucket, currency, count(*)::int, sum(outstanding_minor)
            FROM loan_positions WHERE as_of = ${day}::date GROUP BY as_of, bucket, currency`;
      }, BULK_TRANSACTION);
    },
    async bucketFigures(asOf) {
      return history([asOf]);
    },
    bucketHistory: history,
    async rollRates(from, to) {
      const rows = await prisma.$queryRaw<{ from: string; to: string | null; loans: number }[]>`
        SELECT a.bucket AS "from", b.bucket AS "to", count(*)::int AS loans
          FROM loan_positions a
          LEFT JOIN loan_positions b ON b.loan_id = a.loan_id AND b.as_of = ${toDbDate(to, "to")}::date
         WHERE a.as_of = ${toDbDate(from, "from")}::date
         GROUP BY a.bucket, b.bucket`;
      return rows
        .map(
          (row): RollFigure => ({
            from: row.from as DelinquencyBucket,
            to: (row.to ?? "closed") as RollFigure["to"],
            loans: Number(row.loans),
          }),
        )
        .sort(
          (a, b) => bucketRank(a.from) - bucketRank(b.from) || bucketRank(a.to) - bucketRank(b.to),
        );
    },
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
