// The rows behind the Portfolio page's figures, as an HTML table or CSV.
import { addDays, type IsoDate } from "../../core/dates/index.ts";
import type { DelinquencyBucket } from "../../core/delinquency/index.ts";
import { formatMoney, money } from "../../core/money/index.ts";
import { BUCKETS } from "../../core/portfolio/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { portfolioReport } from "../report/portfolio-report.ts";
import { csv, esc, link, table } from "./html.ts";

/** Most rows a figure's list shows (the CSV has the same rows). */
export const ROWS_LIMIT = 1000;

export type Rows = { head: string[]; rows: string[][] };

/** The open loans behind a bucket figure (every bucket without `bucket`). */
export async function positionRows(
  store: Store,
  asOf: IsoDate,
  bucket?: DelinquencyBucket,
): Promise<Rows> {
  const positions = await store.portfolio.positions(asOf, bucket, ROWS_LIMIT);
  const loans = await Promise.all(positions.map((p) => store.loans.byId(p.loanId)));
  const borrowers = await store.borrowers.byIds(
    loans.flatMap((loan) => (loan ? [loan.borrowerId] : [])),
  );
  return {
    head: ["loan", "borrower", "name", "days past due", "bucket", "currency", "outstanding"],
    rows: positions.map((p, i) => {
      const loan = loans[i];
      const borrower = loan ? borrowers.get(loan.borrowerId) : undefined;
      return [
        loan?.externalRef ?? p.loanId,
        borrower?.externalRef ?? "",
        borrower?.name ?? "",
        String(p.daysPastDue),
        p.bucket,
        p.currency,
        formatMoney(money(p.outstandingMinor, p.currency)),
      ];
    }),
  };
}

/** `rows` as an HTML table whose borrower cells open that borrower's timeline. */
export function rowsTable(id: string, data: Rows): string {
  const borrowerColumn = data.head.indexOf("borrower");
  return table(
    id,
    data.head,
    data.rows.map((row) =>
      row.map((cell, i) =>
        i === borrowerColumn && cell
          ? link(`/dashboard/borrowers/${encodeURIComponent(cell)}`, cell)
          : esc(cell),
      ),
    ),
  );
}

/** Every downloadable table of the Portfolio page by name, as CSV text. */
export async function portfolioCsv(
  store: Store,
  name: string,
  asOf: IsoDate,
  bucket?: DelinquencyBucket,
): Promise<string | undefined> {
  switch (name) {
    case "rows": {
      const data = await positionRows(store, asOf, bucket);
      return csv(data.head, data.rows);
    }
    case "buckets": {
      const figures = await store.portfolio.bucketFigures(asOf);
      return csv(
        ["as_of", "bucket", "currency", "loans", "outstanding"],
        figures.map((f) => [
          f.asOf,
          f.bucket,
          f.currency,
          f.loans,
          formatMoney(money(f.outstandingMinor, f.currency)),
        ]),
      );
    }
    case "rolls": {
      const rows: unknown[][] = [];
      for (const [from, to] of [
        [addDays(asOf, -60), addDays(asOf, -30)],
        [addDays(asOf, -30), asOf],
      ] as const) {
        for (const f of await store.portfolio.rollRates(from, to))
          rows.push([from, to, f.from, f.to, f.loans]);
      }
      return csv(["from_date", "to_date", "from_bucket", "to_bucket", "loans"], rows);
    }
    case "collected": {
      const weeks = await store.portfolio.collected(addDays(asOf, -90), asOf);
      return csv(
        ["week_from", "currency", "payments", "amount"],
        weeks.map((w) => [
          w.week,
          w.currency,
          w.payments,
          formatMoney(money(w.amountMinor, w.currency)),
        ]),
      );
    }
    case "promises-plans": {
      const report = await portfolioReport(store.portfolio, asOf);
      return csv(
        ["what", "status", "count"],
        [
          ...Object.entries(report.promises).map(([status, n]) => ["promises", status, n]),
          ...Object.entries(report.plans).map(([status, n]) => ["plans", status, n]),
        ],
      );
    }
    default:
      return undefined;
  }
}

/** `text` as a bucket name, else undefined. */
export function bucketParam(text: string | undefined): DelinquencyBucket | undefined {
  return BUCKETS.find((b) => b === text);
}
