// A loan with its schedule and transactions as one SQL row: the columns, the aggregates, and back to rows.
import type { StoredLoan, StoredTransaction } from "../../core/ports/index.ts";
import type { Transaction as TransactionRow } from "../../generated/prisma/client.ts";
import { type LoanRowIn, loanFromColumns } from "./loan-rows.ts";
import {
  SCHEDULE_ARRAY,
  type ScheduleMemo,
  scheduleFromArray,
  scheduleMemo,
} from "./schedule-array.ts";
import { transactionFromRow } from "./transaction-rows.ts";

/** A loans row as text where the drivers differ (bigint, date, instant), schedule as an array. */
export interface LoanJsonRow {
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
  /** SCHEDULE_ARRAY's text: the installments by n; '{}' when there are none. */
  readonly schedule: string;
}

/** id, idempotency key, type, value date, amount (text), currency, payload, recorded at. */
type TransactionTuple = readonly [
  string,
  string,
  TransactionRow["type"],
  string,
  string,
  string,
  TransactionRow["payload"],
  string,
];

/** to_char's format for a UTC instant as core writes it. */
export const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The columns of a LoanJsonRow for loans aliased `l` (no parameters: constants only). */
export const LOAN_JSON_COLUMNS = `
  l.id, l.external_ref, l.borrower_id, l.currency, l.principal_minor::text AS principal_minor,
  l.annual_rate, l.term_count, l.frequency, l.method, l.interest_method, l.day_count,
  to_char(l.disbursed_on, 'YYYY-MM-DD') AS disbursed_on,
  to_char(l.first_due_date, 'YYYY-MM-DD') AS first_due_date,
  l.grace_on_principal, l.late_fee_flat_minor::text AS late_fee_flat_minor,
  l.late_fee_percent, l.late_fee_grace_days, l.late_fee_cap_minor::text AS late_fee_cap_minor,
  l.rate_cap, l.status::text AS status,
  to_char(l.next_nudge_at AT TIME ZONE 'UTC', ${ISO_INSTANT}) AS next_nudge_at,
  ${SCHEDULE_ARRAY} AS schedule`;

/**
 * JSON text of loan `l`'s transactions, a TransactionTuple each, in transactions.forLoan's
 * order (value date, recording instant, id); '[]' when it has none.
 */
export const TRANSACTIONS_JSON = `COALESCE((
    SELECT json_agg(json_build_array(t.id, t.idempotency_key, t.type::text,
             to_char(t.date, 'YYYY-MM-DD'), t.amount_minor::text, t.currency, t.payload,
             to_char(t.created_at AT TIME ZONE 'UTC', ${ISO_INSTANT}))
             ORDER BY t.date, t.created_at, t.id)
    FROM transactions t WHERE t.loan_id = l.id
  ), '[]'::json)::text`;

/** A date column read as 'YYYY-MM-DD' text, as the client gives it (midnight UTC). */
export const dbDate = (text: string) => new Date(`${text}T00:00:00.000Z`);
const optionalBigInt = (text: string | null) => (text === null ? null : BigInt(text));

/**
 * The loan, mapped as loanFromRow maps the client's rows (calendar dates stay "YYYY-MM-DD"
 * text, which loanFromRow reads as it reads a midnight-UTC Date). `memo` is shared by the
 * loans of one read (see ScheduleMemo).
 */
export function loanFromJsonRow(row: LoanJsonRow, memo: ScheduleMemo = scheduleMemo()): StoredLoan {
  const currency = row.currency;
  const schedule = scheduleFromArray(row.schedule, currency, memo);
  return loanFromColumns(
    {
      id: row.id,
      externalRef: row.external_ref,
      borrowerId: row.borrower_id,
      currency,
      principalMinor: BigInt(row.principal_minor),
      annualRate: row.annual_rate,
      termCount: row.term_count,
      frequency: row.frequency,
      method: row.method,
      interestMethod: row.interest_method,
      dayCount: row.day_count,
      disbursedOn: row.disbursed_on,
      firstDueDate: row.first_due_date,
      graceOnPrincipal: row.grace_on_principal,
      lateFeeFlatMinor: optionalBigInt(row.late_fee_flat_minor),
      lateFeePercent: row.late_fee_percent,
      lateFeeGraceDays: row.late_fee_grace_days,
      lateFeeCapMinor: optionalBigInt(row.late_fee_cap_minor),
      rateCap: row.rate_cap,
      status: row.status as LoanRowIn["status"],
      nextNudgeAt: row.next_nudge_at === null ? null : new Date(row.next_nudge_at),
    },
    schedule,
  );
}

/** TRANSACTIONS_JSON's text back to stored transactions, mapped as the client's rows are. */
export function transactionsFromJson(loanId: string, json: string): StoredTransaction[] {
  return (JSON.parse(json) as TransactionTuple[]).map(
    ([id, idempotencyKey, type, date, amount, currency, payload, createdAt]) =>
      transactionFromRow({
        id,
        loanId,
        type,
        date: dbDate(date),
        amountMinor: BigInt(amount),
        currency,
        idempotencyKey,
        payload,
        createdAt: new Date(createdAt),
      }),
  );
}
