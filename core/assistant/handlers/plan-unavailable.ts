// Replies for a plan that cannot be picked: gone or not the borrower's, or a plan already in place.
import { actions } from "../actions.ts";
import type { LoanView } from "../loan-view.ts";
import { mainChoices } from "../main-choices.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export function planUnavailable(ctx: TurnContext): Reply {
  return reply([ctx.say("planUnavailable")], mainChoices(ctx));
}

export function planAlreadyAccepted(ctx: TurnContext, view: LoanView): Reply {
  const next = view.state.nextDue;
  return reply(
    [
      ctx.say("planAlreadyAccepted"),
      next ? ctx.say("nextDue", { amount: ctx.amount(next.amount), date: ctx.day(next.date) }) : "",
    ],
    [
      ctx.choice(actions.intent("balance"), "labelBalance"),
      ctx.choice(actions.intent("human_agent"), "labelHuman"),
    ],
  );
}
