// Interest a loan carries per month at today's balance: balance x annual rate / 12, rounded half-up.
import type { Loan } from "../ledger/loan.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import { type Money, money } from "../money/money.ts";
import type { Rate } from "../money/rate.ts";
import { halfUp } from "../money/rounding.ts";

export interface MonthlyInterest<C extends string = string> {
  /** balance x annualRate / 12, rounded half-up to the minor unit. */
  readonly amount: Money<C>;
  /** What the interest is figured on: the principal still owed (declining) or borrowed (flat). */
  readonly balance: Money<C>;
  readonly basis: "outstanding-principal" | "original-principal";
  readonly annualRate: Rate;
}

/**
 * How much interest a month costs on this loan today. Declining-balance loans charge it on the
 * principal still owed; flat-interest loans on the principal borrowed. Undefined when no
 * interest is left to accrue (paid off, a zero rate, or a plan that froze interest).
 *
 * @example monthlyInterest(loan, state)?.amount // 10.83 USD on 1,000.00 at 12.99%
 */
export function monthlyInterest<C extends string>(
  loan: Loan<C>,
  state: LoanState<C>,
): MonthlyInterest<C> | undefined {
  const { annualRate, interest, principal } = loan.terms;
  const declining = interest === "declining";
  const base = declining ? state.outstanding.principal.minor : principal.minor;
  const futureInterest = state.installments.some(
    (i) => i.status !== "rescheduled" && i.dueDate > state.asOf && i.due.interest.minor > 0n,
  );
  if (base <= 0n || annualRate.num <= 0n || !futureInterest) return undefined;
  return {
    amount: money(halfUp(base * annualRate.num, annualRate.den * 12n), state.currency),
    balance: money(base, state.currency),
    basis: declining ? "outstanding-principal" : "original-principal",
    annualRate,
  };
}
