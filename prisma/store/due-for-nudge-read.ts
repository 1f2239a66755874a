// The planner's page of loans due for a nudge, with their contractual schedules, in one SQL statement.
import type { StoredLoan } from "../../core/ports/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { LOAN_JSON_COLUMNS, type LoanJsonRow, loanFromJsonRow } from "./loan-json-rows.ts";
import { scheduleMemo } from "./schedule-array.ts";

/** A loan due for a nudge, as DUE_FOR_NUDGE selects it. */
export type DueLoanRow = LoanJsonRow;

/**
 * Loans with next_nudge_at <= now, after the (at, id) cursor, in (next_nudge_at, id) order,
 * each with its version-1 installments aggregated in the same statement: one round trip per
 * page instead of a loans query and an installments query through the client. `extra`
 * selects more per loan (`l`), `join` joins more tables: the planner's page read adds the
 * borrower and their records.
 * Parameters: $1 now, $2 limit, then $3 and $4 the cursor's instant and id. The cursor is a
 * row comparison, so each page is one range of the (next_nudge_at, id) index: a pass over a
 * book with many loans due at one instant reads each loan once, not every earlier one again.
 */
export const DUE_FOR_NUDGE = (withCursor: boolean, extra = "", join = "") => `
  SELECT ${LOAN_JSON_COLUMNS}${extra}
  FROM loans l ${join}
  WHERE l.next_nudge_at <= $1::timestamptz
  ${withCursor ? "AND (l.next_nudge_at, l.id) > ($3::timestamptz, $4)" : ""}
  ORDER BY l.next_nudge_at, l.id
  LIMIT $2`;

/** One page of loans due for a nudge at `now` (validated instants), in one statement. */
export async function readDueForNudge(
  prisma: PrismaClient,
  now: Date,
  take: number,
  cursor: { at: Date; id: string } | undefined,
): Promise<StoredLoan[]> {
  const rows = await queryDueLoans<DueLoanRow>(prisma, now, take, cursor);
  const memo = scheduleMemo();
  return rows.map((row) => loanFromJsonRow(row, memo));
}

/** Runs DUE_FOR_NUDGE with `extra` columns for one page. */
export function queryDueLoans<Row extends DueLoanRow>(
  prisma: PrismaClient,
  now: Date,
  take: number,
  cursor: { at: Date; id: string } | undefined,
  extra = "",
  join = "",
): Promise<Row[]> {
  return cursor
    ? prisma.$queryRawUnsafe<Row[]>(
        DUE_FOR_NUDGE(true, extra, join),
        now.toISOString(),
        take,
        cursor.at.toISOString(),
        cursor.id,
      )
    : prisma.$queryRawUnsafe<Row[]>(DUE_FOR_NUDGE(false, extra, join), now.toISOString(), take);
}
