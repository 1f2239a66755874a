// "Yes, set it up": accept the plan through its command (once, with its reschedule, promises closed and audited), say what is due first.
import { acceptProposedPlan, CommandErrorCode } from "../../commands/index.ts";
import { isDomainError } from "../../errors/domain-error.ts";
import { actions } from "../actions.ts";
import { loanView } from "../loan-view.ts";
import { isReply, openPlan } from "../open-plan.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";
import { planAlreadyAccepted } from "./plan-unavailable.ts";

/**
 * A plan is accepted only on the numbers it was offered with: proposed today on today's balance.
 * Otherwise the borrower sees fresh options rather than agreeing to stale figures. The store's
 * accept-once and the `plan:<id>` idempotency key make a double tap record one reschedule.
 */
export async function planConfirm(ctx: TurnContext, planId: string): Promise<Reply> {
  const open = await openPlan(ctx, planId);
  if (isReply(open)) return open;
  const { plan, view } = open;

  const accepted = await acceptProposedPlan(ctx.store, {
    planId: plan.id,
    borrowerId: ctx.borrower.id,
    channel: ctx.channel,
    today: ctx.today,
    actor: "assistant",
    at: ctx.at,
  }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === CommandErrorCode.PlanNotProposed) return undefined;
    throw error;
  });
  if (!accepted) return planAlreadyAccepted(ctx, view);
  const { option } = accepted.plan;

  const after = await loanView(ctx.store, view.loan, ctx.today);
  const first = after.state.nextDue ?? {
    amount: option.installmentAmount,
    date: option.firstDueDate,
  };
  return reply(
    [ctx.say("planAccepted", { amount: ctx.amount(first.amount), date: ctx.day(first.date) })],
    [
      ctx.choice(actions.intent("next_payment"), "labelNextPayment"),
      ctx.choice(actions.intent("help"), "labelHelp"),
    ],
  );
}
