// How a tapped button is kept in the conversation log for agents: "[tapped: Balance]".
import type { IntentName } from "../intents/types.ts";
import { type Action, MAX_ACTION_BYTES } from "./actions.ts";
import { kindWord } from "./plan-text.ts";
import type { TemplateKey } from "./templates.ts";
import type { TurnContext } from "./turn-context.ts";

type IntentLabel =
  | "labelBalance"
  | "labelNextPayment"
  | "labelPayoff"
  | "labelPlan"
  | "labelPromise"
  | "labelHuman"
  | "labelHelp";

const INTENT_LABELS: Partial<Record<IntentName, IntentLabel & TemplateKey>> = {
  balance: "labelBalance",
  next_payment: "labelNextPayment",
  payoff_quote: "labelPayoff",
  plan_request: "labelPlan",
  promise_to_pay: "labelPromise",
  human_agent: "labelHuman",
  help: "labelHelp",
};

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
