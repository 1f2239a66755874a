// "What can you do?": everything the assistant offers, one tap each.
import { allChoices } from "../main-choices.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export function help(ctx: TurnContext): Reply {
  return reply([ctx.say("help", { lender: ctx.lenderName })], allChoices(ctx));
}
