// "START": automated reminders on this channel resume.
import { recordConsent } from "../../channels/record-consent.ts";
import { lookAgain } from "../../ports/look-again.ts";
import { mainChoices } from "../main-choices.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export async function optIn(ctx: TurnContext): Promise<Reply> {
  // On the consent record too: when and how the borrower said it, on which channel.
  await recordConsent(ctx.store, {
    borrowerId: ctx.borrower.id,
    channel: ctx.channel,
    kind: "opt_in",
    source: "assistant",
    ...(ctx.channel === "sms" && ctx.borrower.phone ? { address: ctx.borrower.phone } : {}),
    at: ctx.at,
  });
  await ctx.store.audit.append({
    actor: "assistant",
    action: "contact.opted_in",
    subject: `borrower:${ctx.borrower.id}`,
    payload: { channel: ctx.channel },
    at: ctx.at,
  });
  // The planner decides this borrower again at its next tick rather than at the next cadence slot.
  await lookAgain(ctx.store.loans, ctx.borrower.id, ctx.at);
  return reply([ctx.say("optIn")], mainChoices(ctx));
}
