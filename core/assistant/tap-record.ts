// How a tapped button is kept in the conversation log for agents: "[tapped: Balance]".
import { type Action, MAX_ACTION_BYTES } from "./actions.ts";
import { INTENT_LABELS } from "./intent-labels.ts";
import { kindWord } from "./plan-text.ts";
import type { TurnContext } from "./turn-context.ts";

export async function tapRecord(
  ctx: TurnContext,
  action: Action | undefined,
  raw: string,
): Promise<string> {
  return `[tapped: ${await tapLabel(ctx, action, raw)}]`;
}

async function tapLabel(ctx: TurnContext, action: Action | undefined, raw: string) {
  switch (action?.kind) {
    case "intent": {
      const label = INTENT_LABELS[action.intent];
      return label ? ctx.say(label) : action.intent;
    }
    case "plan-pick": {
      const plan = await ctx.store.plans.byId(action.planId);
      return plan ? ctx.say("labelChoosePlan", { kind: kindWord(ctx, plan.option.kind) }) : raw;
    }
    case "plan-confirm":
      return ctx.say("labelConfirmPlan");
    case "plan-cancel":
      return ctx.say("labelCancelPlan");
    case "promise":
      return ctx.day(action.date);
    default:
      return raw.slice(0, MAX_ACTION_BYTES);
  }
}
