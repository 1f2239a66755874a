// "Let me talk to a person": open a handoff (or point to the one already open).
import { actions } from "../actions.ts";
import { mostDelinquent } from "../loan-view.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export async function humanAgent(ctx: TurnContext): Promise<Reply> {
  const view = mostDelinquent(await ctx.activeLoans());
  const { handoff, created } = await ctx.store.handoffs.open(
    ctx.borrower.id,
    "human_agent",
    ctx.at,
    view?.loan.id,
  );
  if (created) {
    await ctx.store.audit.append({
      actor: "assistant",
      action: "handoff.opened",
      subject: `borrower:${ctx.borrower.id}`,
      payload: { handoffId: handoff.id, reason: "human_agent", channel: ctx.channel },
      at: ctx.at,
    });
  }
  return reply(
    [created ? ctx.say("humanAgent", { lender: ctx.lenderName }) : ctx.say("humanAgentAlready")],
    [
      ctx.choice(actions.intent("balance"), "labelBalance"),
      ctx.choice(actions.intent("help"), "labelHelp"),
    ],
    true,
  );
}
