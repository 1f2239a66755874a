// A plan tapped from the list: its full terms once more, and a confirm or cancel.
import { actions } from "../actions.ts";
import { ownPlan } from "../own-plan.ts";
import { planFreshness } from "../plan-freshness.ts";
import { offerPlans } from "../plan-offer.ts";
import { optionFacts } from "../plan-text.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";
import { planAlreadyAccepted, planUnavailable } from "./plan-unavailable.ts";

export async function planPick(ctx: TurnContext, planId: string): Promise<Reply> {
  const found = await ownPlan(ctx, planId);
  if (!found) return planUnavailable(ctx);
  const { plan, view } = found;
  if (plan.status === "accepted") return planAlreadyAccepted(ctx, view);
  if (plan.status !== "proposed") return planUnavailable(ctx);
  const freshness = await planFreshness(ctx, plan, view);
  if (freshness === "superseded") return planAlreadyAccepted(ctx, view);
  if (freshness === "stale") return offerPlans(ctx, view, undefined, ctx.say("planStale"));
  return reply(
    [ctx.say("planPicked", optionFacts(ctx, plan.option))],
    [
      ctx.choice(actions.confirmPlan(plan.id), "labelConfirmPlan"),
      ctx.choice(actions.cancelPlan, "labelCancelPlan"),
    ],
  );
}
