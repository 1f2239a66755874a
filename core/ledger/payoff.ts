// The payoff amount today: principal, interest earned to date, fees and penalties still open.
import { daysBetween, type IsoDate } from "../dates/iso-date.ts";
import { type BookInstallment, openAmount } from "../installments/book.ts";
import { halfUp } from "../money/rounding.ts";

/**
 * Interest of installments already due is owed in full; the installment now running owes its
 * scheduled interest pro rata by actual days elapsed (rounded half-up, less interest already
 * paid on it); later installments owe no scheduled interest. Interest a reschedule carried in
 * (earned before it) is owed in full from the reschedule on. Principal, fees and penalties
 * count whole.
 */
export function payoffAmount(installments: readonly BookInstallment[], asOf: IsoDate): bigint {
  let payoff = 0n;
  for (const installment of installments) {
    payoff += openAmount(installment, "principal");
    payoff += openAmount(installment, "fees");
    payoff += openAmount(installment, "penalties");
  }
  for (const owed of interestOwedEach(installments, asOf)) payoff += owed;
  return payoff;
}

/** Interest each installment owes in the payoff on `asOf` (aligned with `installments`). */
export function interestOwedEach(
  installments: readonly BookInstallment[],
  asOf: IsoDate,
): bigint[] {
  let runningFound = false;
  return installments.map((installment) => {
    if (installment.rescheduled) return 0n;
    if (installment.dueDate <= asOf) return openAmount(installment, "interest");
    const carriedOpen = positive(installment.carriedInterest - installment.paid.interest);
    if (runningFound) return carriedOpen;
    runningFound = true;
    const paidScheduled = positive(installment.paid.interest - installment.carriedInterest);
    return carriedOpen + positive(accruedInterest(installment, asOf) - paidScheduled);
  });
}

/** Interest owed in the payoff on `asOf`: what a reschedule on that day must carry. */
export function interestOwed(installments: readonly BookInstallment[], asOf: IsoDate): bigint {
  return interestOwedEach(installments, asOf).reduce((acc, owed) => acc + owed, 0n);
}

/**
 * The running installment's scheduled interest (less any carried in) earned by `asOf`, pro
 * rata by actual days.
 */
export function accruedInterest(installment: BookInstallment, asOf: IsoDate): bigint {
  const scheduled = installment.due.interest - installment.carriedInterest;
  const periodDays = BigInt(daysBetween(installment.periodStart, installment.dueDate));
  const elapsed = BigInt(Math.max(0, daysBetween(installment.periodStart, asOf)));
  if (periodDays <= 0n || scheduled <= 0n) return 0n;
  return halfUp(scheduled * (elapsed < periodDays ? elapsed : periodDays), periodDays);
}

/**
 * A payment of at least the payoff settles the loan: interest not yet earned is released, so
 * later installments owe only principal (and interest carried in) and the running one its
 * accrued interest. Interest already paid ahead stays paid (it is never taken back).
 */
export function releaseUnearnedInterest(installments: BookInstallment[], asOf: IsoDate): void {
  let runningFound = false;
  for (const installment of installments) {
    if (installment.rescheduled || installment.dueDate <= asOf) continue;
    const accrued = runningFound ? 0n : accruedInterest(installment, asOf);
    runningFound = true;
    const earned = installment.carriedInterest + accrued;
    const keep = earned > installment.paid.interest ? earned : installment.paid.interest;
    if (keep < installment.due.interest) installment.due.interest = keep;
  }
}

function positive(value: bigint): bigint {
  return value > 0n ? value : 0n;
}
