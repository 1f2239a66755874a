// "STOP": no more automated reminders on this channel, at once; questions still get answers.
import { recordConsent } from "../../channels/record-consent.ts";
import { actions } from "../actions.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export async function optOut(ctx: TurnContext): Promise<Reply> {
  // On the consent record too: when and how the borrower said it, on which channel.
  await recordConsent(ctx.store, {
    borrowerId: ctx.borrower.id,
    channel: ctx.channel,
    kind: "opt_out",
    source: "assistant",
    ...(ctx.channel === "sms" && ctx.borrower.phone ? { address: ctx.borrower.phone } : {}),
    at: ctx.at,
  });
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
