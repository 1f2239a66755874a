// The answer to a money question from a borrower with no active loan: clear, with a way to a person.
import { actions } from "../actions.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

export function noLoans(ctx: TurnContext): Reply {
  return reply(
    [ctx.say("noLoans", { lender: ctx.lenderName })],
    [
      ctx.choice(actions.intent("human_agent"), "labelHuman"),
      ctx.choice(actions.intent("help"), "labelHelp"),
    ],
  );
}
