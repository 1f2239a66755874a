// "STOP": no more automated reminders on this channel, at once; questions still get answers.
import { actions } from "../actions.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export async function optOut(ctx: TurnContext): Promise<Reply> {
  await ctx.store.contact.optOut(ctx.borrower.id, ctx.channel, ctx.at);
  await ctx.store.audit.append({
    actor: "assistant",
    action: "contact.opted_out",
    subject: `borrower:${ctx.borrower.id}`,
    payload: { channel: ctx.channel },
    at: ctx.at,
  });
  return reply(
    [ctx.say("optOut")],
    [
      ctx.choice(actions.intent("balance"), "labelBalance"),
      ctx.choice(actions.intent("help"), "labelHelp"),
    ],
  );
}
