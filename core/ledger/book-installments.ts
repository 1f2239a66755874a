// A schedule's installments as the ledger's working record, before any transaction is replayed.
import type { IsoDate } from "../dates/iso-date.ts";
import { type BookInstallment, emptyParts } from "../installments/book.ts";
import type { RescheduleInstallment } from "./transaction.ts";

export function bookInstallments(
  installments: readonly RescheduleInstallment[],
  firstPeriodStart: IsoDate,
  firstN = 1,
): BookInstallment[] {
  let periodStart = firstPeriodStart;
  return installments.map((installment, i) => {
    const entry: BookInstallment = {
      n: firstN + i,
      dueDate: installment.dueDate,
      periodStart,
      due: {
        principal: installment.principal.minor,
        interest: installment.interest.minor,
        fees: installment.fees.minor,
        penalties: installment.penalties.minor,
      },
      carriedInterest: installment.carriedInterest?.minor ?? 0n,
      paid: emptyParts(),
      rescheduled: false,
      lateFeeAssessed: false,
    };
    periodStart = installment.dueDate;
    return entry;
  });
}
