// A message the rules did not understand: never a dead end, always the main choices.
import { answerWithTools } from "../../llm/answer-with-tools.ts";
import { answerTools } from "../answer-tools.ts";
import { answerChoices, mainChoices } from "../main-choices.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";

// A question has a letter or a digit in it; "???" or "👍" gets the menu, not the model.
const REAL_QUESTION = /[\p{L}\p{N}]/u;

/** The rules' reply; with an answer model configured, a typed question may get its answer first. */
export async function unknown(ctx: TurnContext): Promise<Reply> {
  const fallback = reply([ctx.say("unknown")], mainChoices(ctx));
  const question = ctx.question?.trim() ?? "";
  if (ctx.answer === undefined || !REAL_QUESTION.test(question)) return fallback;
  const answered = await modelAnswer(ctx, question);
  return answered ?? fallback;
}

async function modelAnswer(ctx: TurnContext, question: string): Promise<Reply | undefined> {
  const { answer } = ctx;
  if (answer === undefined) return undefined;
  let result: { source: "model"; text: string } | { source: "none"; rejectedBecause: string };
  try {
    const views = await ctx.activeLoans();
    result = await answerWithTools(question, {
      llm: answer.llm,
      prompts: answer.prompts,
      tools: answerTools(ctx, views),
      lenderName: ctx.lenderName,
      locale: ctx.language,
      ...(answer.timeoutMs !== undefined ? { timeoutMs: answer.timeoutMs } : {}),
    });
  } catch {
    // Reading the loans failed; the borrower still gets the rules' reply.
    result = { source: "none", rejectedBecause: "TOOLS_FAILED" };
  }
  try {
    await ctx.store.audit.append({
      actor: "assistant",
      action: "assistant.model_answer",
      subject: `borrower:${ctx.borrower.id}`,
      payload: {
        source: result.source,
        ...(result.source === "none" ? { rejectedBecause: result.rejectedBecause } : {}),
        channel: ctx.channel,
      },
      at: ctx.at,
    });
  } catch {
    // An audit write failing must not cost the borrower an answer.
  }
  return result.source === "model" ? reply([result.text], answerChoices(ctx)) : undefined;
}
