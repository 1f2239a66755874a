// A plan tapped from the list: its full terms once more, and a confirm or cancel.
import { actions } from "../actions.ts";
import { isReply, openPlan } from "../open-plan.ts";
import { planTerms } from "../plan-terms.ts";
import { optionFacts } from "../plan-text.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export async function planPick(ctx: TurnContext, planId: string): Promise<Reply> {
  const open = await openPlan(ctx, planId);
  if (isReply(open)) return open;
  const { plan, view } = open;
  return reply(
    [
      ctx.say("planPicked", {
        ...optionFacts(ctx, plan.option),
        terms: planTerms(ctx, view, plan.option),
      }),
    ],
    [
      ctx.choice(actions.confirmPlan(plan.id), "labelConfirmPlan"),
      ctx.choice(actions.cancelPlan, "labelCancelPlan"),
    ],
  );
}
