// Catch-up plan: the arrears spread over the next k installments; no new interest, no extra cost.
// Interest earned today (arrears, and the running period's so far) is stated as carried.
import { COMPONENTS, emptyParts, openAmount } from "../installments/book.ts";
import type { RescheduleInstallment } from "../ledger/transaction.ts";
import type { PlanNotOffered } from "./plan-option.ts";
import { installmentOf, largestInstallment, spread } from "./plan-schedule.ts";
import type { RestructureBase } from "./restructure-base.ts";

/** The default spread when the borrower names no affordable amount. */
export const DEFAULT_CATCH_UP_COUNT = 3;

export function catchUpSchedule<C extends string>(
  base: RestructureBase,
  currency: C,
  affordable?: bigint,
): RescheduleInstallment<C>[] | PlanNotOffered {
  const arrearsTotal = COMPONENTS.reduce((acc, c) => acc + base.arrears[c], 0n);
  if (arrearsTotal === 0n) return { kind: "catch-up", reason: "NO_ARREARS" };
  if (base.upcoming.length === 0) return { kind: "catch-up", reason: "NO_FUTURE_INSTALLMENTS" };
  const counts =
    affordable === undefined
      ? [Math.min(DEFAULT_CATCH_UP_COUNT, base.upcoming.length)]
      : Array.from({ length: base.upcoming.length }, (_, i) => i + 1);
  for (const k of counts) {
    const schedule = build(base, currency, k);
    if (affordable === undefined || largestInstallment(schedule) <= affordable) return schedule;
  }
  return { kind: "catch-up", reason: "ABOVE_AFFORDABLE" };
}

function build<C extends string>(
  base: RestructureBase,
  currency: C,
  k: number,
): RescheduleInstallment<C>[] {
  const shares = Object.fromEntries(
    COMPONENTS.map((c) => [c, spread(base.arrears[c], k, currency)]),
  ) as Record<(typeof COMPONENTS)[number], bigint[]>;
  return base.upcoming.map((installment, i) => {
    const parts = emptyParts();
    for (const c of COMPONENTS) parts[c] = openAmount(installment, c) + (shares[c][i] ?? 0n);
    const carried = (base.upcomingEarned[i] ?? 0n) + (shares.interest[i] ?? 0n);
    return installmentOf(i + 1, installment.dueDate, parts, currency, carried);
  });
}
