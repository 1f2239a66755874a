// "What does it take to close my loan?": today's payoff amount, valid until the end of today.
import { actions } from "../actions.ts";
import { payLinkLine } from "../pay-link.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";
import { noLoans } from "./no-loans.ts";

/**
 * The quote holds until the end of the borrower's local today and no longer: the payoff accrues
 * the running period's interest day by day and late fees land after grace days, so tomorrow's
 * figure can differ by a cent or more. A quote good for one day is the only one that is exact.
 */
export async function payoffQuote(ctx: TurnContext): Promise<Reply> {
  const views = await ctx.activeLoans();
  if (views.length === 0) return noLoans(ctx);
  const headed = views.length > 1;
  const validUntil = ctx.day(ctx.today);
  const lines = views.flatMap((view) => [
    headed ? ctx.say("loanHeading", { loanRef: view.loan.externalRef }) : "",
    ctx.say("payoffQuote", { amount: ctx.amount(view.state.payoff), validUntil }),
    payLinkLine(ctx, view, view.state.payoff),
  ]);
  return reply(lines, [
    ctx.choice(actions.intent("balance"), "labelBalance"),
    ctx.choice(actions.intent("plan_request"), "labelPlan"),
    ctx.choice(actions.intent("human_agent"), "labelHuman"),
  ]);
}
