// The ledger's working record of installments while transactions are replayed (bigint minor units).
import type { IsoDate } from "../dates/iso-date.ts";

export const COMPONENTS = ["principal", "interest", "fees", "penalties"] as const;
export type Component = (typeof COMPONENTS)[number];
export type Parts = Record<Component, bigint>;

export interface BookInstallment {
  readonly n: number;
  readonly dueDate: IsoDate;
  /** Start of the period whose interest this installment carries (for accrual in payoff). */
  readonly periodStart: IsoDate;
  readonly due: Parts;
  /** Of `due.interest`, what was earned before a reschedule: owed in full from its start. */
  readonly carriedInterest: bigint;
  readonly paid: Parts;
  rescheduled: boolean;
  /** Date a reschedule closed this installment. */
  closedOn?: IsoDate;
  lateFeeAssessed: boolean;
  paidOn?: IsoDate;
}

export function emptyParts(): Parts {
  return { principal: 0n, interest: 0n, fees: 0n, penalties: 0n };
}

export function partsTotal(parts: Parts): bigint {
  return parts.principal + parts.interest + parts.fees + parts.penalties;
}

export function openAmount(installment: BookInstallment, component: Component): bigint {
  return installment.rescheduled ? 0n : installment.due[component] - installment.paid[component];
}

export function openTotalOf(installment: BookInstallment): bigint {
  let total = 0n;
  for (const component of COMPONENTS) total += openAmount(installment, component);
  return total;
}

export function isOpen(installment: BookInstallment): boolean {
  return !installment.rescheduled && openTotalOf(installment) > 0n;
}
