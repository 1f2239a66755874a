// A transaction whose rule depends on what the loan owes, written with its audit row in one database transaction.

import type { Transaction } from "../../core/ledger/index.ts";
import type { CheckedRecord, CheckedWrite } from "../../core/ports/index.ts";
import { canonicalTransaction, notFound } from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { auditRow } from "./audit.ts";
import { isUniqueViolation } from "./prisma-errors.ts";
import { RECORD_ORDER, transactionColumns, transactionFromRow } from "./transaction-rows.ts";

/**
 * Locks the loan row (FOR UPDATE), then reads its transactions, so the check sees every
 * committed write and no other transaction can join the loan until this one commits: inserting
 * a transaction takes a key-share lock on its loan row, which FOR UPDATE excludes.
 */
export async function recordChecked<R>(
  prisma: PrismaClient,
  loanId: string,
  idempotencyKey: string,
  check: (transactions: readonly Transaction[]) => CheckedWrite<R>,
): Promise<CheckedRecord<R>> {
  try {
    return await prisma.$transaction(async (tx): Promise<CheckedRecord<R>> => {
      const loans = await tx.$queryRaw<{ currency: string }[]>`
        SELECT currency FROM loans WHERE id = ${loanId} FOR UPDATE`;
      const loan = loans[0];
      if (!loan) throw notFound("loan", loanId);
      const seen = await tx.transaction.findUnique({ where: { idempotencyKey } });
      if (seen) return { outcome: "duplicate", record: transactionFromRow(seen) };
      const rows = await tx.transaction.findMany({ where: { loanId }, orderBy: RECORD_ORDER });
      const decided = check(rows.map((row) => transactionFromRow(row).transaction));
      if ("refused" in decided) return { outcome: "refused", refusal: decided.refused };
      const audit = auditRow(decided.audit);
      const columns = await transactionColumns(
        canonicalTransaction(decided.write),
        async () => loan.currency,
      );
      const row = await tx.transaction.create({ data: { ...columns, loanId, idempotencyKey } });
      await tx.auditLog.create({ data: audit });
      return { outcome: "recorded", record: transactionFromRow(row) };
    });
  } catch (error) {
    // The same key committed meanwhile on another loan's transaction: its row is the record.
    const first = isUniqueViolation(error)
      ? await prisma.transaction.findUnique({ where: { idempotencyKey } })
      : null;
    if (first) return { outcome: "duplicate", record: transactionFromRow(first) };
    throw error;
  }
}
