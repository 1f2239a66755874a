// The checks a tapped plan passes before it is shown again or accepted: ours, proposed, fresh.
import { planAlreadyAccepted, planUnavailable } from "./handlers/plan-unavailable.ts";
import { ownPlan } from "./own-plan.ts";
import { planFreshness } from "./plan-freshness.ts";
import { offerPlans } from "./plan-offer.ts";
import type { Reply } from "./reply.ts";
import type { TurnContext } from "./turn-context.ts";

type Found = NonNullable<Awaited<ReturnType<typeof ownPlan>>>;

/**
 * The borrower's own plan, still proposed and offered on today's numbers; otherwise the reply
 * to give instead (already accepted, gone, or fresh options on a changed balance).
 */
export async function openPlan(ctx: TurnContext, planId: string): Promise<Found | Reply> {
  const found = await ownPlan(ctx, planId);
  if (!found) return planUnavailable(ctx);
  const { plan, view } = found;
  if (plan.status === "accepted") return planAlreadyAccepted(ctx, view);
  if (plan.status !== "proposed") return planUnavailable(ctx);
  const freshness = await planFreshness(ctx, plan, view);
  if (freshness === "superseded") return planAlreadyAccepted(ctx, view);
  if (freshness === "stale") return offerPlans(ctx, view, undefined, ctx.say("planStale"));
  return found;
}

export function isReply(value: Found | Reply): value is Reply {
  return "text" in value;
}
