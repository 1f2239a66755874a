// "This isn't right": pause reminders until a person has reviewed it, and hand the conversation over.
import { actions } from "../actions.ts";
import { mostDelinquent } from "../loan-view.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

/** The pause covers the borrower, not one loan: we do not yet know what is disputed. */
export async function dispute(ctx: TurnContext): Promise<Reply> {
  const { contact, handoffs } = ctx.store;
  const paused = await contact.activePauses(ctx.borrower.id, ctx.at);
  if (!paused.some((pause) => pause.reason === "dispute" && pause.loanId === undefined)) {
    await contact.pause({ borrowerId: ctx.borrower.id, reason: "dispute", createdBy: "assistant" });
  }
  const view = mostDelinquent(await ctx.activeLoans());
  const { handoff, created } = await handoffs.open(
    ctx.borrower.id,
    "dispute",
    ctx.at,
    view?.loan.id,
  );
  await ctx.store.audit.append({
    actor: "assistant",
    action: "dispute.raised",
    subject: `borrower:${ctx.borrower.id}`,
    payload: { handoffId: handoff.id, handoffCreated: created, channel: ctx.channel },
    at: ctx.at,
  });
  return reply(
    [ctx.say("dispute")],
    [
      ctx.choice(actions.intent("balance"), "labelBalance"),
      ctx.choice(actions.intent("help"), "labelHelp"),
    ],
    true,
  );
}
