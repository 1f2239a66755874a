// A borrower's loans with their contractual schedules and their transactions, in one SQL statement.
import type { LoanStatus, LoanWithTransactions } from "../../core/ports/index.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import {
  LOAN_JSON_COLUMNS,
  type LoanJsonRow,
  loanFromJsonRow,
  TRANSACTIONS_JSON,
  transactionsFromJson,
} from "./loan-json-rows.ts";

interface BorrowerLoanRow extends LoanJsonRow {
  /** JSON: the loan's transactions in transactions.forLoan's order. */
  readonly transactions: string;
}

/**
 * Every loan of the borrower (in `status` when given) in forBorrower's order, each with its
 * version-1 installments and its transactions aggregated in the same statement.
 */
function borrowerLoansSql(borrowerId: string, status: LoanStatus | undefined): Prisma.Sql {
  return Prisma.sql`
  SELECT ${Prisma.raw(LOAN_JSON_COLUMNS)}, ${Prisma.raw(TRANSACTIONS_JSON)} AS transactions
  FROM loans l
  WHERE l.borrower_id = ${borrowerId}
  ${status === undefined ? Prisma.empty : Prisma.sql`AND l.status = ${status}::loan_status`}
  ORDER BY l.external_ref, l.id`;
}

/** loans.forBorrowerWithTransactions: one round trip, however many loans and transactions. */
export async function readBorrowerLoans(
  prisma: PrismaClient,
  borrowerId: string,
  status: LoanStatus | undefined,
): Promise<LoanWithTransactions[]> {
  const rows = await prisma.$queryRaw<BorrowerLoanRow[]>(borrowerLoansSql(borrowerId, status));
  return rows.map((row) => ({
    loan: loanFromJsonRow(row),
    transactions: transactionsFromJson(row.id, row.transactions),
  }));
}
