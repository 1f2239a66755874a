// A plan option's terms beside its installments: the rate that applies and a missed payment's fee.
import { feeFigures } from "../disclosure/disclosure-lines.ts";
import { formatPercent } from "../disclosure/format-percent.ts";
import { planDisclosure } from "../disclosure/loan-disclosure.ts";
import type { PlanOption } from "../plans/plan-option.ts";
import type { LoanView } from "./loan-view.ts";
import type { TurnContext } from "./turn-context.ts";

/**
 * One line: the rate ("Interest: 12.99% a year.") and, from the plan's own schedule replayed by
 * the ledger, the late fee its first installment would bring if missed, or that none would.
 * @example planTerms(ctx, view, option)
 * // "Interest: 12.99% a year. If a plan payment is missed: ... would add a late fee of $15.00."
 */
export function planTerms(ctx: TurnContext, view: LoanView, option: PlanOption): string {
  const terms = planDisclosure(view.loan, view.transactions, ctx.today, option);
  const rate = formatPercent(terms.annualRate, ctx.language);
  const missed = terms.missedFee;
  return [
    terms.interestFreeCount === undefined
      ? ctx.say("planRate", { rate })
      : ctx.say("planRateFrozen", { count: String(terms.interestFreeCount), rate }),
    missed.kind === "fee"
      ? ctx.say("planMissedFee", feeFigures(missed, { locale: ctx.language, today: ctx.today }))
      : ctx.say("planMissedNoFee"),
  ]
    .filter((line) => line !== "")
    .join(ctx.language === "zh-CN" ? "" : " ");
}
