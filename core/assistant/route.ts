// Which handler answers: an understood intent, or a tapped action (which needs no understanding).
import type { Entities, IntentName } from "../intents/types.ts";
import type { Action } from "./actions.ts";
import { alreadyPaid } from "./handlers/already-paid.ts";
import { balance } from "./handlers/balance.ts";
import { dispute } from "./handlers/dispute.ts";
import { greeting } from "./handlers/greeting.ts";
import { help } from "./handlers/help.ts";
import { humanAgent } from "./handlers/human-agent.ts";
import { learn } from "./handlers/learn.ts";
import { nextPayment } from "./handlers/next-payment.ts";
import { optIn } from "./handlers/opt-in.ts";
import { optOut } from "./handlers/opt-out.ts";
import { payoffQuote } from "./handlers/payoff-quote.ts";
import { planCancel } from "./handlers/plan-cancel.ts";
import { planConfirm } from "./handlers/plan-confirm.ts";
import { planPick } from "./handlers/plan-pick.ts";
import { planRequest } from "./handlers/plan-request.ts";
import { promiseToPay } from "./handlers/promise-to-pay.ts";
import { unknown } from "./handlers/unknown.ts";
import type { Reply } from "./reply.ts";
import type { TurnContext } from "./turn-context.ts";

const HANDLERS: Readonly<
  Record<IntentName, (ctx: TurnContext, entities: Entities) => Reply | Promise<Reply>>
> = {
  balance,
  next_payment: nextPayment,
  payoff_quote: payoffQuote,
  plan_request: planRequest,
  promise_to_pay: promiseToPay,
  already_paid: alreadyPaid,
  opt_out: optOut,
  opt_in: optIn,
  dispute,
  human_agent: humanAgent,
  learn,
  help,
  greeting,
  unknown,
};

export function routeIntent(ctx: TurnContext, intent: IntentName, entities: Entities) {
  return HANDLERS[intent](ctx, entities);
}

/** An action we cannot read (old, forged or garbled) gets the same answer as unclear text. */
export function routeAction(ctx: TurnContext, action: Action | undefined) {
  switch (action?.kind) {
    case "intent":
      return routeIntent(ctx, action.intent, {});
    case "plan-pick":
      return planPick(ctx, action.planId);
    case "plan-confirm":
      return planConfirm(ctx, action.planId);
    case "plan-cancel":
      return planCancel(ctx);
    case "promise":
      return promiseToPay(ctx, action);
    default:
      return unknown(ctx);
  }
}
