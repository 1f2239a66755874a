// Totals of a schedule: principal, interest, and everything due (fees and penalties included).
import { type Money, money } from "../money/money.ts";
import { type Installment, installmentTotal } from "./installment.ts";

export interface ScheduleTotals<C extends string = string> {
  readonly principal: Money<C>;
  readonly interest: Money<C>;
  /** Principal + interest + fees + penalties. */
  readonly total: Money<C>;
}

/** Sums a schedule by component; an empty schedule needs `currency` to name its zero. */
export function scheduleTotals<C extends string>(
  installments: readonly Installment<C>[],
  currency: C = installments[0]?.principal.currency as C,
): ScheduleTotals<C> {
  let principal = 0n;
  let interest = 0n;
  let total = 0n;
  for (const installment of installments) {
    principal += installment.principal.minor;
    interest += installment.interest.minor;
    total += installmentTotal(installment);
  }
  return {
    principal: money(principal, currency),
    interest: money(interest, currency),
    total: money(total, currency),
  };
}
