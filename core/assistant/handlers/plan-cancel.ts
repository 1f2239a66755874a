// "Not now": nothing changes; the plans stay on offer and the main choices come back.
import { mainChoices } from "../main-choices.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export function planCancel(ctx: TurnContext): Reply {
  return reply([ctx.say("planCancelled")], mainChoices(ctx));
}
