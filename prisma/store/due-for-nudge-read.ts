// The planner's page of loans due for a nudge, with their contractual schedules, in one SQL statement.
import type { StoredLoan } from "../../core/ports/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { CONTRACT_VERSION, type LoanWithSchedule, loanFromRow } from "./loan-rows.ts";

/** A loans row as text where the drivers differ (bigint, date, instant), schedule as JSON. */
export interface DueLoanRow {
  readonly id: string;
  readonly external_ref: string;
  readonly borrower_id: string;
  readonly currency: string;
  readonly principal_minor: string;
  readonly annual_rate: string;
  readonly term_count: number;
  readonly frequency: string;
  readonly method: string;
  readonly interest_method: string;
  readonly day_count: string;
  readonly disbursed_on: string;
  readonly first_due_date: string | null;
  readonly grace_on_principal: number;
  readonly late_fee_flat_minor: string | null;
  readonly late_fee_percent: string | null;
  readonly late_fee_grace_days: number;
  readonly late_fee_cap_minor: string | null;
  readonly rate_cap: string | null;
  readonly status: string;
  readonly next_nudge_at: string | null;
  /** JSON: an InstallmentTuple per installment, by n. */
  readonly schedule: string;
}

/** n, due date, principal, interest, fees, penalties (amounts as text: no float on the way). */
type InstallmentTuple = readonly [number, string, string, string, string, string];

/** to_char's format for a UTC instant as core writes it. */
export const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

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
  SELECT l.id, l.external_ref, l.borrower_id, l.currency, l.principal_minor::text AS principal_minor,
         l.annual_rate, l.term_count, l.frequency, l.method, l.interest_method, l.day_count,
         to_char(l.disbursed_on, 'YYYY-MM-DD') AS disbursed_on,
         to_char(l.first_due_date, 'YYYY-MM-DD') AS first_due_date,
         l.grace_on_principal, l.late_fee_flat_minor::text AS late_fee_flat_minor,
         l.late_fee_percent, l.late_fee_grace_days, l.late_fee_cap_minor::text AS late_fee_cap_minor,
         l.rate_cap, l.status::text AS status,
         to_char(l.next_nudge_at AT TIME ZONE 'UTC', ${ISO_INSTANT}) AS next_nudge_at,
         COALESCE((
           SELECT json_agg(json_build_array(i.n, to_char(i.due_date, 'YYYY-MM-DD'),
                    i.principal_minor::text, i.interest_minor::text, i.fees_minor::text,
                    i.penalties_minor::text) ORDER BY i.n)
           FROM installments i WHERE i.loan_id = l.id AND i.version = ${CONTRACT_VERSION}
         ), '[]'::json)::text AS schedule${extra}
  FROM loans l ${join}
  WHERE l.next_nudge_at <= $1::timestamptz
  ${withCursor ? "AND (l.next_nudge_at, l.id) > ($3::timestamptz, $4)" : ""}
  ORDER BY l.next_nudge_at, l.id
  LIMIT $2`;

/** A date column read as 'YYYY-MM-DD' text, as the client gives it (midnight UTC). */
export const dbDate = (text: string) => new Date(`${text}T00:00:00.000Z`);
const optionalBigInt = (text: string | null) => (text === null ? null : BigInt(text));

/** The row as the client would have read it, so loanFromRow maps both the same way. */
export function asClientRow(row: DueLoanRow): LoanWithSchedule {
  const schedule = JSON.parse(row.schedule) as InstallmentTuple[];
  return {
    id: row.id,
    externalRef: row.external_ref,
    borrowerId: row.borrower_id,
    currency: row.currency,
    principalMinor: BigInt(row.principal_minor),
    annualRate: row.annual_rate,
    termCount: row.term_count,
    frequency: row.frequency,
    method: row.method,
    interestMethod: row.interest_method,
    dayCount: row.day_count,
    disbursedOn: dbDate(row.disbursed_on),
    firstDueDate: row.first_due_date === null ? null : dbDate(row.first_due_date),
    graceOnPrincipal: row.grace_on_principal,
    lateFeeFlatMinor: optionalBigInt(row.late_fee_flat_minor),
    lateFeePercent: row.late_fee_percent,
    lateFeeGraceDays: row.late_fee_grace_days,
    lateFeeCapMinor: optionalBigInt(row.late_fee_cap_minor),
    rateCap: row.rate_cap,
    status: row.status as LoanWithSchedule["status"],
    nextNudgeAt: row.next_nudge_at === null ? null : new Date(row.next_nudge_at),
    installments: schedule.map(([n, dueDate, principal, interest, fees, penalties]) => ({
      n,
      dueDate: dbDate(dueDate),
      principalMinor: BigInt(principal),
      interestMinor: BigInt(interest),
      feesMinor: BigInt(fees),
      penaltiesMinor: BigInt(penalties),
    })),
    // Only what loanFromRow reads: the ids and version of installment rows are not selected.
  } as unknown as LoanWithSchedule;
}

/** One page of loans due for a nudge at `now` (validated instants), in one statement. */
export async function readDueForNudge(
  prisma: PrismaClient,
  now: Date,
  take: number,
  cursor: { at: Date; id: string } | undefined,
): Promise<StoredLoan[]> {
  const rows = await queryDueLoans<DueLoanRow>(prisma, now, take, cursor);
  return rows.map((row) => loanFromRow(asClientRow(row)));
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
