// The payoff amount today: principal, interest earned to date, fees and penalties still open.
import { daysBetween, type IsoDate } from "../dates/iso-date.ts";
import { halfUp } from "../money/rounding.ts";
import { type BookInstallment, openAmount } from "./book.ts";

/**
 * Interest of installments already due is owed in full; the installment now running owes its
 * scheduled interest pro rata by actual days elapsed (rounded half-up, less interest already
 * paid on it); later installments owe no interest. Principal, fees and penalties count whole.
 */
export function payoffAmount(installments: readonly BookInstallment[], asOf: IsoDate): bigint {
  let payoff = 0n;
  let runningFound = false;
  for (const installment of installments) {
    if (installment.rescheduled) continue;
    payoff += openAmount(installment, "principal");
    payoff += openAmount(installment, "fees");
    payoff += openAmount(installment, "penalties");
    if (installment.dueDate <= asOf) {
      payoff += openAmount(installment, "interest");
    } else if (!runningFound) {
      runningFound = true;
      const owed = accruedInterest(installment, asOf) - installment.paid.interest;
      if (owed > 0n) payoff += owed;
    }
  }
  return payoff;
}

/** The running installment's scheduled interest earned by `asOf`, pro rata by actual days. */
export function accruedInterest(installment: BookInstallment, asOf: IsoDate): bigint {
  const periodDays = BigInt(daysBetween(installment.periodStart, installment.dueDate));
  const elapsed = BigInt(Math.max(0, daysBetween(installment.periodStart, asOf)));
  return periodDays > 0n ? halfUp(installment.due.interest * elapsed, periodDays) : 0n;
}

/**
 * A payment of at least the payoff settles the loan: interest not yet earned is released, so
 * later installments owe only principal and the running one its accrued interest. Interest
 * already paid ahead stays paid (it is never taken back).
 */
export function releaseUnearnedInterest(installments: BookInstallment[], asOf: IsoDate): void {
  let runningFound = false;
  for (const installment of installments) {
    if (installment.rescheduled || installment.dueDate <= asOf) continue;
    const earned = runningFound ? 0n : accruedInterest(installment, asOf);
    runningFound = true;
    const keep = earned > installment.paid.interest ? earned : installment.paid.interest;
    if (keep < installment.due.interest) installment.due.interest = keep;
  }
}
