// "I already paid": thank the borrower, say when it shows, and flag the claim for reconciliation.
import type { Entities } from "../../intents/types.ts";
import { actions } from "../actions.ts";
import { type Reply, reply } from "../reply.ts";
import { PAYMENT_POSTING_BUSINESS_DAYS } from "../rules.ts";
import type { TurnContext } from "../turn-context.ts";

export async function alreadyPaid(ctx: TurnContext, entities: Entities): Promise<Reply> {
  const views = await ctx.activeLoans();
  const only = views.length === 1 ? views[0] : undefined;
  await ctx.store.audit.append({
    actor: "assistant",
    action: "payment.claimed",
    subject: `borrower:${ctx.borrower.id}`,
    payload: {
      ...(entities.date !== undefined ? { date: entities.date } : {}),
      ...(entities.amount !== undefined ? { amount: entities.amount } : {}),
      ...(only ? { loanId: only.loan.id, currency: only.loan.terms.principal.currency } : {}),
      channel: ctx.channel,
    },
    at: ctx.at,
  });
  return reply(
    [ctx.say("alreadyPaid", { days: String(PAYMENT_POSTING_BUSINESS_DAYS) })],
    [
      ctx.choice(actions.intent("balance"), "labelBalance"),
      ctx.choice(actions.intent("human_agent"), "labelHuman"),
    ],
  );
}
