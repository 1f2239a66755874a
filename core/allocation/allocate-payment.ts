// Applies a payment to open installments, oldest first, in the strategy's component order.

import type { IsoDate } from "../dates/iso-date.ts";
import {
  type BookInstallment,
  emptyParts,
  isOpen,
  openAmount,
  type Parts,
} from "../installments/book.ts";
import type { AllocationStrategy } from "./strategy.ts";

export interface PaymentAllocation {
  /** Amount applied, by installment number and component. */
  readonly applied: ReadonlyArray<{ readonly n: number; readonly parts: Parts }>;
  /** What was left after every open amount was paid (an overpayment, held as credit). */
  readonly unallocated: bigint;
}

/**
 * Past-due and due installments are the oldest, so serving installments in due-date order
 * pays arrears first and then runs into future installments (next installment first).
 */
export function allocatePayment(
  installments: BookInstallment[],
  amount: bigint,
  date: IsoDate,
  strategy: AllocationStrategy,
): PaymentAllocation {
  let remaining = amount;
  const applied: Array<{ n: number; parts: Parts }> = [];
  for (const installment of installments) {
    if (remaining === 0n) break;
    if (!isOpen(installment)) continue;
    const parts = emptyParts();
    for (const component of strategy.componentOrder) {
      const take = min(openAmount(installment, component), remaining);
      if (take === 0n) continue;
      installment.paid[component] += take;
      parts[component] += take;
      remaining -= take;
    }
    if (!isOpen(installment)) installment.paidOn = date;
    applied.push({ n: installment.n, parts });
  }
  return { applied, unallocated: remaining };
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
