// What waiting costs on one loan, and what a plan's terms are, from the loan's own rules.
import type { IsoDate } from "../dates/iso-date.ts";
import type { Loan } from "../ledger/loan.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import type { Transaction } from "../ledger/transaction.ts";
import type { Rate } from "../money/rate.ts";
import { acceptPlan } from "../plans/accept-plan.ts";
import type { PlanOption } from "../plans/plan-option.ts";
import { type MonthlyInterest, monthlyInterest } from "./monthly-interest.ts";
import { type NextLateFee, nextLateFee } from "./next-late-fee.ts";

/** A late loan's disclosure: the next late fee (or none) and the interest a month costs. */
export interface LoanDisclosure<C extends string = string> {
  readonly nextFee: NextLateFee<C>;
  /** Absent when no interest is left to accrue. */
  readonly interest?: MonthlyInterest<C>;
}

/** A plan option's terms beyond its installments: the rate and what a missed payment costs. */
export interface PlanDisclosure<C extends string = string> {
  readonly annualRate: Rate;
  /** Hardship: the reduced installments carry no interest. */
  readonly interestFreeCount?: number;
  /** The first late fee the plan's own schedule would bring if a payment were missed. */
  readonly missedFee: NextLateFee<C>;
}

/**
 * @example loanDisclosure(loan, transactions, state).nextFee
 * // { kind: "fee", amount: 15.00 USD, chargedOn: "2026-03-16", forDueDate: "2026-03-01" }
 */
export function loanDisclosure<C extends string>(
  loan: Loan<C>,
  transactions: readonly Transaction<C>[],
  state: LoanState<C>,
): LoanDisclosure<C> {
  const interest = monthlyInterest(loan, state);
  return {
    nextFee: nextLateFee(loan, transactions, state.asOf),
    ...(interest ? { interest } : {}),
  };
}

/**
 * The plan as if accepted on `today`: the ledger replays its reschedule, so the missed-payment
 * fee is the one the plan's first installment would really bring.
 * @example planDisclosure(loan, transactions, "2026-03-12", option).missedFee
 */
export function planDisclosure<C extends string>(
  loan: Loan<C>,
  transactions: readonly Transaction<C>[],
  today: IsoDate,
  option: PlanOption<C>,
): PlanDisclosure<C> {
  const known = transactions.filter((t) => t.date <= today);
  const frozen = option.kind === "hardship" ? (option.reducedCount ?? 0) : 0;
  return {
    annualRate: loan.terms.annualRate,
    ...(frozen > 0 ? { interestFreeCount: frozen } : {}),
    missedFee: nextLateFee(loan, [...known, acceptPlan(option, today)], today),
  };
}
