// Maps transactions to rows: type, value date and amount in columns, the rest in the payload.

import type { Transaction } from "../../core/ledger/index.ts";
import { money } from "../../core/money/index.ts";
import type { StoredTransaction } from "../../core/ports/index.ts";
import {
  type InstallmentJson,
  installmentFromJson,
  installmentToJson,
} from "../../core/store/index.ts";
import type { Prisma, Transaction as TransactionRow } from "../../generated/prisma/client.ts";
import { fromDbDate, toDbDate } from "../calendar-date.ts";

/** By value date, same-date ones in recording order. */
export const RECORD_ORDER: Prisma.TransactionOrderByWithRelationInput[] = [
  { date: "asc" },
  { createdAt: "asc" },
  { id: "asc" },
];

/** What the payload column holds: a waiver's component, a reschedule's plan and installments. */
interface PayloadJson {
  readonly component?: "fees" | "penalties";
  readonly plan?: string;
  readonly installments?: readonly InstallmentJson[];
}

/**
 * The columns of canonical `transaction`. A reschedule's amount is the new principal it
 * spreads, in its installments' currency; `loanCurrency` supplies one when it has none.
 */
export async function transactionColumns(
  transaction: Transaction,
  loanCurrency: () => Promise<string>,
) {
  const date = toDbDate(transaction.date);
  if (transaction.type !== "reschedule") {
    const payload: PayloadJson | undefined =
      transaction.type === "waiver" && transaction.component
        ? { component: transaction.component }
        : undefined;
    return {
      type: transaction.type,
      date,
      amountMinor: transaction.amount.minor,
      currency: transaction.amount.currency,
      ...(payload ? { payload: payload as Prisma.InputJsonObject } : {}),
    };
  }
  const first = transaction.installments[0];
  const payload: PayloadJson = {
    ...(transaction.plan ? { plan: transaction.plan } : {}),
    installments: transaction.installments.map(installmentToJson),
  };
  return {
    type: transaction.type,
    date,
    amountMinor: transaction.installments.reduce((total, i) => total + i.principal.minor, 0n),
    currency: first ? first.principal.currency : await loanCurrency(),
    payload: payload as Prisma.InputJsonObject,
  };
}

export function transactionFromRow(row: TransactionRow): StoredTransaction {
  const payload = (row.payload ?? {}) as PayloadJson;
  const date = fromDbDate(row.date);
  const amount = money(row.amountMinor, row.currency);
  const transaction: Transaction =
    row.type === "reschedule"
      ? {
          type: "reschedule",
          date,
          installments: (payload.installments ?? []).map((i) =>
            installmentFromJson(i, row.currency),
          ),
          ...(payload.plan ? { plan: payload.plan } : {}),
        }
      : row.type === "waiver"
        ? {
            type: "waiver",
            date,
            amount,
            ...(payload.component ? { component: payload.component } : {}),
          }
        : { type: row.type, date, amount };
  return {
    id: row.id,
    loanId: row.loanId,
    idempotencyKey: row.idempotencyKey,
    transaction,
    recordedAt: row.createdAt.toISOString(),
  };
}
