// "Hi": a short hello by name and the main choices.
import { mainChoices } from "../main-choices.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export function greeting(ctx: TurnContext): Reply {
  return reply(
    [ctx.say("greeting", { name: ctx.borrower.name, lender: ctx.lenderName })],
    mainChoices(ctx),
  );
}
