// A question a lesson answers ("how does interest work", "为什么有滞纳金"): that lesson, on the borrower's figures.
import type { Entities } from "../../intents/types.ts";
import type { Reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";
import { learnReply } from "./learn-reply.ts";
import { unknown } from "./unknown.ts";

/**
 * The lesson the question names, else the borrower's next one. Without a course configured, the
 * question is answered as any other open question (the answer model if set, else the menu).
 */
export function learn(ctx: TurnContext, entities: Entities): Promise<Reply> {
  if (!ctx.course) return unknown(ctx);
  return learnReply(ctx, ctx.course, entities.lesson ? { lesson: entities.lesson } : {});
}
