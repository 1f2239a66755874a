// A plan the borrower tapped, if it is theirs: a forged or foreign plan id finds nothing.
import type { StoredPlan } from "../ports/plans.ts";
import { type LoanView, loanView } from "./loan-view.ts";
import type { TurnContext } from "./turn-context.ts";

export async function ownPlan(
  ctx: TurnContext,
  planId: string,
): Promise<{ plan: StoredPlan; view: LoanView } | undefined> {
  const plan = await ctx.store.plans.byId(planId);
  if (!plan) return undefined;
  const loan = await ctx.store.loans.byId(plan.loanId);
  if (!loan || loan.borrowerId !== ctx.borrower.id || loan.status !== "active") return undefined;
  return { plan, view: await loanView(ctx.store, loan, ctx.today) };
}
