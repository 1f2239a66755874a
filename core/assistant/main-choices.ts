// The choices that keep every conversation moving: what a borrower can always ask for next.
import { actions } from "./actions.ts";
import type { Choice } from "./reply.ts";
import type { TurnContext } from "./turn-context.ts";

/** Balance, Next payment, Payment plan, Talk to a person. */
export function mainChoices(ctx: TurnContext): Choice[] {
  return [
    ctx.choice(actions.intent("balance"), "labelBalance"),
    ctx.choice(actions.intent("next_payment"), "labelNextPayment"),
    ctx.choice(actions.intent("plan_request"), "labelPlan"),
    ctx.choice(actions.intent("human_agent"), "labelHuman"),
  ];
}

/** After a model's answer: a person is always one tap away. Balance, Payment plan, Talk to a person. */
export function answerChoices(ctx: TurnContext): Choice[] {
  return [
    ctx.choice(actions.intent("balance"), "labelBalance"),
    ctx.choice(actions.intent("plan_request"), "labelPlan"),
    ctx.choice(actions.intent("human_agent"), "labelHuman"),
  ];
}

/** Everything the assistant does, for help. */
export function allChoices(ctx: TurnContext): Choice[] {
  return [
    ctx.choice(actions.intent("balance"), "labelBalance"),
    ctx.choice(actions.intent("next_payment"), "labelNextPayment"),
    ctx.choice(actions.intent("payoff_quote"), "labelPayoff"),
    ctx.choice(actions.intent("plan_request"), "labelPlan"),
    ctx.choice(actions.intent("promise_to_pay"), "labelPromise"),
    ctx.choice(actions.intent("human_agent"), "labelHuman"),
  ];
}

/** After a money answer: the next steps that fit a loan in arrears or one that is current. */
export function followUpChoices(ctx: TurnContext, inArrears: boolean): Choice[] {
  return inArrears
    ? [
        ctx.choice(actions.intent("promise_to_pay"), "labelPromise"),
        ctx.choice(actions.intent("plan_request"), "labelPlan"),
        ctx.choice(actions.intent("human_agent"), "labelHuman"),
      ]
    : [
        ctx.choice(actions.intent("payoff_quote"), "labelPayoff"),
        ctx.choice(actions.intent("help"), "labelHelp"),
      ];
}
