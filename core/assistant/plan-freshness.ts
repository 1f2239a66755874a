// Whether a proposed plan still fits the loan: proposed today, on the same balance, none accepted since.
import { DateTime } from "luxon";
import { isDomainError } from "../errors/domain-error.ts";
import { loanStateAsOf } from "../ledger/loan-state-as-of.ts";
import { acceptPlan } from "../plans/accept-plan.ts";
import type { StoredPlan } from "../ports/plans.ts";
import type { LoanView } from "./loan-view.ts";
import type { TurnContext } from "./turn-context.ts";

/** current: safe to accept; stale: the numbers moved, offer again; superseded: a plan is in place. */
export type PlanFreshness = "current" | "stale" | "superseded";

export async function planFreshness(
  ctx: TurnContext,
  plan: StoredPlan,
  view: LoanView,
): Promise<PlanFreshness> {
  const proposedAt = Date.parse(plan.proposedAt);
  const siblings = await ctx.store.plans.forLoan(plan.loanId);
  const acceptedSince = siblings.some(
    (other) =>
      other.id !== plan.id &&
      other.status === "accepted" &&
      other.acceptedAt !== undefined &&
      Date.parse(other.acceptedAt) >= proposedAt,
  );
  if (acceptedSince) return "superseded";
  // Interest accrues and late fees land day by day: yesterday's figures are not today's.
  const proposedOn = DateTime.fromISO(plan.proposedAt, { zone: ctx.timeZone }).toISODate();
  if (proposedOn !== ctx.today) return "stale";
  // Same day, but a payment, fee or waiver since moves what the plan restructures.
  const { option } = plan;
  const { outstanding } = view.state;
  if (option.totalPayable.minor - option.extraCost.minor !== outstanding.total.minor)
    return "stale";
  const principal = option.schedule.reduce((sum, i) => sum + i.principal.minor, 0n);
  if (principal !== outstanding.principal.minor) return "stale";
  try {
    loanStateAsOf(view.loan, [...view.transactions, acceptPlan(option, ctx.today)], ctx.today);
  } catch (error) {
    if (isDomainError(error)) return "stale";
    throw error;
  }
  return "current";
}
