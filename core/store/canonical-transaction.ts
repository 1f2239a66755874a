// One spelling per transaction: only the fields core/ledger defines, with checked dates.
import { parseIsoDate } from "../dates/iso-date.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { RescheduleInstallment, Transaction } from "../ledger/transaction.ts";
import { type Money, money } from "../money/money.ts";

function copy(amount: Money): Money {
  return money(amount.minor, amount.currency);
}

export function canonicalInstallment(installment: RescheduleInstallment): RescheduleInstallment {
  return {
    n: installment.n,
    dueDate: parseIsoDate(installment.dueDate, "installment.dueDate"),
    principal: copy(installment.principal),
    interest: copy(installment.interest),
    fees: copy(installment.fees),
    penalties: copy(installment.penalties),
    ...(installment.carriedInterest ? { carriedInterest: copy(installment.carriedInterest) } : {}),
  };
}

/** A reschedule's installments are all in one currency, as a row keeps only one. */
function oneCurrency(installments: RescheduleInstallment[]): RescheduleInstallment[] {
  const currency = installments[0]?.principal.currency;
  for (const installment of installments) {
    for (const part of [
      installment.principal,
      installment.interest,
      installment.fees,
      installment.penalties,
      ...(installment.carriedInterest ? [installment.carriedInterest] : []),
    ]) {
      if (part.currency !== currency) {
        throw new DomainError(ErrorCode.CurrencyMismatch, "a reschedule mixes currencies", {
          left: currency,
          right: part.currency,
        });
      }
    }
  }
  return installments;
}

/** `transaction` with nothing but its defined fields, as a store hands it back. */
export function canonicalTransaction(transaction: Transaction): Transaction {
  const date = parseIsoDate(transaction.date, "transaction.date");
  switch (transaction.type) {
    case "payment":
    case "fee":
      return { type: transaction.type, date, amount: copy(transaction.amount) };
    case "waiver":
      return {
        type: "waiver",
        date,
        amount: copy(transaction.amount),
        ...(transaction.component ? { component: transaction.component } : {}),
      };
    case "reschedule":
      return {
        type: "reschedule",
        date,
        installments: oneCurrency(transaction.installments.map(canonicalInstallment)),
        ...(transaction.plan ? { plan: transaction.plan } : {}),
      };
    default:
      throw new DomainError(ErrorCode.InvalidTransaction, "unknown transaction type", {
        type: (transaction as { type?: unknown }).type,
      });
  }
}
