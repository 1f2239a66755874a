// A message the rules did not understand: never a dead end, always the main choices.
import { mainChoices } from "../main-choices.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export function unknown(ctx: TurnContext): Reply {
  return reply([ctx.say("unknown")], mainChoices(ctx));
}
