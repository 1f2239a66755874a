// The rows an import writes, computed up front so a bare createMany can write the same data.
import type { LoanRow } from "../../bots/import/loan-record.ts";
import { generateSchedule } from "../../core/schedule/generate-schedule.ts";
import { borrowerFrom } from "../../core/store/canonical-borrower.ts";
import { canonicalLoanInput } from "../../core/store/canonical-loan.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { installmentRows, loanColumns } from "../../prisma/store/loan-rows.ts";
import { uuid7 } from "./uuid7.ts";

export interface BareRows {
  readonly borrowers: Prisma.BorrowerCreateManyInput[];
  readonly loans: Prisma.LoanCreateManyInput[];
  readonly installments: Prisma.InstallmentCreateManyInput[];
}

/**
 * Borrower, loan and installment rows with the column values the Prisma store writes for
 * `rows`, ids made here. `borrowerIds` carries borrowers already made across calls: a
 * borrower is written once, from the first row that names it, as in the import.
 */
export function bareRows(
  rows: readonly { row: LoanRow }[],
  borrowerIds: Map<string, string>,
): BareRows {
  const borrowers: BareRows["borrowers"] = [];
  const loans: BareRows["loans"] = [];
  const installments: BareRows["installments"] = [];
  for (const { row } of rows) {
    let borrowerId = borrowerIds.get(row.borrower.externalRef);
    if (borrowerId === undefined) {
      borrowerId = uuid7();
      borrowerIds.set(row.borrower.externalRef, borrowerId);
      const borrower = borrowerFrom(borrowerId, row.borrower);
      borrowers.push({
        id: borrowerId,
        externalRef: borrower.externalRef,
        name: borrower.name,
        phone: borrower.phone ?? null,
        locale: borrower.locale,
        timeZone: borrower.timeZone,
        ...borrower.flags,
      });
    }
    const input = canonicalLoanInput({ ...row.loan, borrowerId });
    const id = uuid7();
    loans.push({ id, ...loanColumns(input), status: "active" });
    for (const installment of installmentRows(generateSchedule(input.terms))) {
      installments.push({ ...installment, loanId: id });
    }
  }
  return { borrowers, loans, installments };
}

export interface BareWrite {
  /** Time spent in createMany only; computing the rows is not counted. */
  readonly ms: number;
  readonly borrowers: number;
  readonly loans: number;
  readonly installments: number;
}

/**
 * Writes `rows` with borrower, loan and installment createMany, `chunkLoans` loans at a
 * time so memory stays bounded and no statement passes PostgreSQL's 65,535 bind parameters.
 */
export async function writeBare(
  prisma: PrismaClient,
  rows: readonly { row: LoanRow }[],
  chunkLoans = 2_000,
): Promise<BareWrite> {
  const borrowerIds = new Map<string, string>();
  const totals = { ms: 0, borrowers: 0, loans: 0, installments: 0 };
  for (let i = 0; i < rows.length; i += chunkLoans) {
    const chunk = bareRows(rows.slice(i, i + chunkLoans), borrowerIds);
    const started = performance.now();
    await prisma.borrower.createMany({ data: chunk.borrowers });
    await prisma.loan.createMany({ data: chunk.loans });
    for (let k = 0; k < chunk.installments.length; k += 5_000) {
      await prisma.installment.createMany({ data: chunk.installments.slice(k, k + 5_000) });
    }
    totals.ms += performance.now() - started;
    totals.borrowers += chunk.borrowers.length;
    totals.loans += chunk.loans.length;
    totals.installments += chunk.installments.length;
  }
  return totals;
}
