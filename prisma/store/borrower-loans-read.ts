// A borrower's loans with their contractual schedules and their transactions, in one SQL statement.
import type { LoanStatus, LoanWithTransactions } from "../../core/ports/index.ts";
import {
  Prisma,
  type PrismaClient,
  type Transaction as TransactionRow,
} from "../../generated/prisma/client.ts";
import { CONTRACT_VERSION, type LoanWithSchedule, loanFromRow } from "./loan-rows.ts";
import { transactionFromRow } from "./transaction-rows.ts";

/** A loans row as text where the drivers differ (bigint, date, instant); the rest as JSON. */
interface BorrowerLoanRow {
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
  /** JSON: a TransactionTuple per transaction, in transactions.forLoan's order. */
  readonly transactions: string;
}

/** n, due date, principal, interest, fees, penalties (amounts as text: no float on the way). */
type InstallmentTuple = readonly [number, string, string, string, string, string];

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

const ISO_INSTANT = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

/**
 * Every loan of the borrower (in `status` when given) in forBorrower's order, each with its
 * version-1 installments and its transactions (by value date, then recording order, then id,
 * as transactions.forLoan reads them) aggregated in the same statement.
 */
function borrowerLoansSql(borrowerId: string, status: LoanStatus | undefined): Prisma.Sql {
  return Prisma.sql`
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
         ), '[]'::json)::text AS schedule,
         COALESCE((
           SELECT json_agg(json_build_array(t.id, t.idempotency_key, t.type::text,
                    to_char(t.date, 'YYYY-MM-DD'), t.amount_minor::text, t.currency, t.payload,
                    to_char(t.created_at AT TIME ZONE 'UTC', ${ISO_INSTANT}))
                    ORDER BY t.date, t.created_at, t.id)
           FROM transactions t WHERE t.loan_id = l.id
         ), '[]'::json)::text AS transactions
  FROM loans l
  WHERE l.borrower_id = ${borrowerId}
  ${status === undefined ? Prisma.empty : Prisma.sql`AND l.status = ${status}::loan_status`}
  ORDER BY l.external_ref, l.id`;
}

const dbDate = (text: string) => new Date(`${text}T00:00:00.000Z`);
const optionalBigInt = (text: string | null) => (text === null ? null : BigInt(text));

/** The loan as the client would have read it, so loanFromRow maps both the same way. */
function asClientLoan(row: BorrowerLoanRow): LoanWithSchedule {
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

/** The transaction as the client would have read it, for transactionFromRow. */
function asClientTransaction(loanId: string, tuple: TransactionTuple): TransactionRow {
  const [id, idempotencyKey, type, date, amount, currency, payload, createdAt] = tuple;
  return {
    id,
    loanId,
    type,
    date: dbDate(date),
    amountMinor: BigInt(amount),
    currency,
    idempotencyKey,
    payload,
    createdAt: new Date(createdAt),
  };
}

/** loans.forBorrowerWithTransactions: one round trip, however many loans and transactions. */
export async function readBorrowerLoans(
  prisma: PrismaClient,
  borrowerId: string,
  status: LoanStatus | undefined,
): Promise<LoanWithTransactions[]> {
  const rows = await prisma.$queryRaw<BorrowerLoanRow[]>(borrowerLoansSql(borrowerId, status));
  return rows.map((row) => ({
    loan: loanFromRow(asClientLoan(row)),
    transactions: (JSON.parse(row.transactions) as TransactionTuple[]).map((tuple) =>
      transactionFromRow(asClientTransaction(row.id, tuple)),
    ),
  }));
}
