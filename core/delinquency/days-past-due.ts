// Days past due: counted from the due date of the oldest installment still unpaid.
import { daysBetween, type IsoDate } from "../dates/iso-date.ts";
import { type BookInstallment, isOpen } from "../installments/book.ts";

export function daysPastDue(installments: readonly BookInstallment[], asOf: IsoDate): number {
  let oldest: IsoDate | undefined;
  for (const installment of installments) {
    if (isOpen(installment) && installment.dueDate < asOf) {
      if (oldest === undefined || installment.dueDate < oldest) oldest = installment.dueDate;
    }
  }
  return oldest === undefined ? 0 : daysBetween(oldest, asOf);
}
