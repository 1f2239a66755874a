// The planner's page in one SQL statement: loans due for a nudge with schedules, borrowers, promises and transactions.
import type { DuePage } from "../../core/ports/index.ts";
import { pageLimit } from "../../core/store/index.ts";
import type {
  Borrower as BorrowerRow,
  PrismaClient,
  PromiseToPay as PromiseRow,
} from "../../generated/prisma/client.ts";
import { borrowerFromRow } from "./borrower-rows.ts";
import { promiseFromRow } from "./contact-controls.ts";
import { type DueLoanRow, queryDueLoans } from "./due-for-nudge-read.ts";
import { dbInstant } from "./instants.ts";
import {
  dbDate,
  loanFromJsonRow,
  TRANSACTIONS_JSON,
  transactionsFromJson,
} from "./loan-json-rows.ts";
import { scheduleMemo } from "./schedule-array.ts";

/** A due loan with its borrower's columns and JSON of its promises and transactions. */
interface DuePageRow extends DueLoanRow {
  readonly b_external_ref: string | null;
  readonly b_name: string;
  readonly b_phone: string | null;
  readonly b_locale: string;
  readonly b_time_zone: string;
  readonly b_deceased: boolean;
  readonly b_bankruptcy: boolean;
  readonly b_hardship: boolean;
  /** JSON: a PromiseTuple per promise of the borrower, by promised date then id. */
  readonly promises: string;
  /** JSON: a TransactionTuple per transaction of an active loan, in recording order; else null. */
  readonly transactions: string | null;
}

/** id, loan id, amount minor, currency, promised for, status. */
type PromiseTuple = readonly [string, string, string, string, string, string];

/**
 * The borrower (LEFT JOIN: a loan whose borrower is gone keeps its place in the page), the
 * borrower's promises as promisesFor orders them, and an active loan's transactions as
 * forLoans orders them (by value date, recording instant, id).
 */
const PAGE_COLUMNS = `,
  b.external_ref AS b_external_ref, b.name AS b_name, b.phone AS b_phone, b.locale AS b_locale,
  b.time_zone AS b_time_zone, b.deceased AS b_deceased, b.bankruptcy AS b_bankruptcy,
  b.hardship AS b_hardship,
  COALESCE((
    SELECT json_agg(json_build_array(p.id, p.loan_id, p.amount_minor::text, p.currency,
             to_char(p.promised_for, 'YYYY-MM-DD'), p.status::text) ORDER BY p.promised_for, p.id)
    FROM promises_to_pay p WHERE p.borrower_id = l.borrower_id
  ), '[]'::json)::text AS promises,
  CASE WHEN l.status = 'active' THEN ${TRANSACTIONS_JSON} END AS transactions`;

const JOIN_BORROWER = "LEFT JOIN borrowers b ON b.id = l.borrower_id";

/** planning.duePage on Prisma: one statement for the page and everything decided from it. */
export async function readDuePage(
  prisma: PrismaClient,
  now: string,
  limit: number,
  after?: { at: string; id: string },
): Promise<DuePage> {
  const take = pageLimit(limit);
  if (take === 0) {
    return { loans: [], borrowers: new Map(), promises: new Map(), transactions: new Map() };
  }
  const cursor = after && { at: dbInstant(after.at, "after.at"), id: after.id };
  const rows = await queryDueLoans<DuePageRow>(
    prisma,
    dbInstant(now, "now"),
    take,
    cursor,
    PAGE_COLUMNS,
    JOIN_BORROWER,
  );
  return pageFromRows(rows);
}

function pageFromRows(rows: readonly DuePageRow[]): DuePage {
  const loans = [];
  const borrowers = new Map();
  const promises = new Map();
  const transactions = new Map();
  const memo = scheduleMemo();
  for (const row of rows) {
    loans.push(loanFromJsonRow(row, memo));
    const borrowerId = row.borrower_id;
    if (!promises.has(borrowerId)) {
      const tuples = JSON.parse(row.promises) as PromiseTuple[];
      promises.set(
        borrowerId,
        tuples.map(([id, loanId, amount, currency, promisedFor, status]) =>
          promiseFromRow({
            id,
            borrowerId,
            loanId,
            amountMinor: BigInt(amount),
            currency,
            promisedFor: dbDate(promisedFor),
            status,
          } as PromiseRow),
        ),
      );
    }
    if (row.b_external_ref !== null && !borrowers.has(borrowerId)) {
      borrowers.set(
        borrowerId,
        borrowerFromRow({
          id: borrowerId,
          externalRef: row.b_external_ref,
          name: row.b_name,
          phone: row.b_phone,
          locale: row.b_locale,
          timeZone: row.b_time_zone,
          deceased: row.b_deceased,
          bankruptcy: row.b_bankruptcy,
          hardship: row.b_hardship,
        } as BorrowerRow),
      );
    }
    if (row.transactions !== null) {
      transactions.set(row.id, transactionsFromJson(row.id, row.transactions));
    }
  }
  return { loans, borrowers, promises, transactions };
}
