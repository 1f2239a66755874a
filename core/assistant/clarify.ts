// "Did you mean ...?": an unsure reading gets a question with its likeliest intents as buttons, never an act.
import { CONSEQUENTIAL } from "../intents/confidence.ts";
import type { Alternative, IntentName, Understanding } from "../intents/types.ts";
import { actions, parseAction } from "./actions.ts";
import { INTENT_LABELS } from "./intent-labels.ts";
import type { Choice } from "./reply.ts";
import { type Reply, reply } from "./reply.ts";
import { routeIntent } from "./route.ts";
import type { TurnContext } from "./turn-context.ts";

/**
 * Answers an understanding: an unsure one (with `alternatives`) gets a question, a sure one its
 * handler. Nothing is recorded for a question: a promise, an opt-out or a dispute waits for a tap.
 */
export async function answerUnderstanding(
  ctx: TurnContext,
  understanding: Understanding,
): Promise<Reply> {
  const offered = understanding.alternatives ?? [];
  if (offered.length === 0) {
    return routeIntent(ctx, understanding.intent, understanding.entities);
  }
  await noteQuestion(ctx, understanding, offered);
  const confirming = CONSEQUENTIAL.has(understanding.intent);
  const buttons = offered.flatMap((entry) => choiceFor(ctx, understanding, entry.intent));
  const somethingElse = ctx.choice(actions.intent("help"), "labelSomethingElse");
  return reply([ctx.say(confirming ? "clarifyConfirm" : "clarify")], [...buttons, somethingElse]);
}

/** A promise with the date the borrower named is one tap from being kept, with that date. */
function choiceFor(ctx: TurnContext, understanding: Understanding, intent: IntentName): Choice[] {
  const { date, amount } = understanding.entities;
  if (intent === "promise_to_pay" && understanding.intent === intent && date !== undefined) {
    const action = actions.promise(date, amount);
    if (parseAction(action) !== undefined) {
      return [ctx.choice(action, "labelPromiseOn", { date: ctx.day(date) })];
    }
  }
  const label = INTENT_LABELS[intent];
  return label === undefined ? [] : [ctx.choice(actions.intent(intent), label)];
}

async function noteQuestion(
  ctx: TurnContext,
  understanding: Understanding,
  offered: readonly Alternative[],
): Promise<void> {
  try {
    await ctx.store.audit.append({
      actor: "assistant",
      action: "assistant.clarified",
      subject: `borrower:${ctx.borrower.id}`,
      payload: {
        intent: understanding.intent,
        confidence: understanding.confidence,
        offered: offered.map((entry) => entry.intent),
        channel: ctx.channel,
      },
      at: ctx.at,
    });
  } catch {
    // An audit write failing must not cost the borrower an answer.
  }
}
