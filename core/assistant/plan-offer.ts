// Offering plans for one loan: compute the options, store each as proposed, list them with choices.
import type { Money } from "../money/money.ts";
import type { PlanNotOffered } from "../plans/plan-option.ts";
import { planOptions } from "../plans/plan-options.ts";
import { actions } from "./actions.ts";
import type { LoanView } from "./loan-view.ts";
import { planTerms } from "./plan-terms.ts";
import { kindWord, optionFacts } from "./plan-text.ts";
import { type Reply, reply } from "./reply.ts";
import type { TurnContext } from "./turn-context.ts";

const NOT_NEEDED = new Set<PlanNotOffered["reason"]>(["NO_ARREARS", "NOT_NEEDED", "PAID_OFF"]);

/** Lists today's plan options for `view`; `lead` goes first (say, why the options changed). */
export async function offerPlans(
  ctx: TurnContext,
  view: LoanView,
  affordable: Money | undefined,
  lead = "",
): Promise<Reply> {
  const { options, notOffered } = planOptions(
    view.loan,
    view.transactions,
    ctx.today,
    affordable ? { affordable } : {},
  );
  if (options.length === 0) return noPlan(ctx, notOffered, affordable, lead);
  const plans = [];
  for (const option of options) {
    plans.push(await ctx.store.plans.propose(view.loan.id, option, "assistant", ctx.at));
  }
  return reply(
    [
      lead,
      affordable
        ? ctx.say("planIntroAffordable", { affordable: ctx.amount(affordable) })
        : ctx.say("planIntro"),
      ...plans.map((plan) =>
        [ctx.say("planOption", optionFacts(ctx, plan.option)), planTerms(ctx, view, plan.option)]
          .filter((text) => text !== "")
          .join(ctx.language === "zh-CN" ? "" : " "),
      ),
      ctx.say("planPrompt"),
    ],
    [
      ...plans.map((plan) =>
        ctx.choice(actions.pickPlan(plan.id), "labelChoosePlan", {
          kind: kindWord(ctx, plan.option.kind),
        }),
      ),
      ctx.choice(actions.intent("human_agent"), "labelHuman"),
    ],
  );
}

function noPlan(
  ctx: TurnContext,
  notOffered: readonly PlanNotOffered[],
  affordable: Money | undefined,
  lead: string,
): Reply {
  const human = ctx.choice(actions.intent("human_agent"), "labelHuman");
  if (notOffered.every((entry) => NOT_NEEDED.has(entry.reason))) {
    return reply(
      [lead, ctx.say("planNoneNeeded")],
      [ctx.choice(actions.intent("next_payment"), "labelNextPayment"), human],
    );
  }
  if (affordable && notOffered.some((entry) => entry.reason === "ABOVE_AFFORDABLE")) {
    return reply(
      [lead, ctx.say("planNoneAffordable", { affordable: ctx.amount(affordable) })],
      [human, ctx.choice(actions.intent("plan_request"), "labelPlan")],
    );
  }
  return reply([lead, ctx.say("planNone")], [human]);
}
