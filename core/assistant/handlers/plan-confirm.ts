// "Yes, set it up": accept the plan once, record its reschedule, close promises it replaces, audit, say what is due first.
import { formatMoney } from "../../money/decimal.ts";
import { acceptPlan } from "../../plans/accept-plan.ts";
import { actions } from "../actions.ts";
import { closePromisesForPlan } from "../close-promises.ts";
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

  const accepted = await ctx.store.plans.accept(plan.id, ctx.at);
  if (!accepted) return planAlreadyAccepted(ctx, view);
  await ctx.store.transactions.record(
    view.loan.id,
    `plan:${plan.id}`,
    acceptPlan(accepted.option, ctx.today),
  );
  const { option } = accepted;
  await closePromisesForPlan(ctx.store, {
    borrowerId: ctx.borrower.id,
    loanId: view.loan.id,
    planId: plan.id,
    at: ctx.at,
  });
  await ctx.store.audit.append({
    actor: "assistant",
    action: "plan.accepted",
    subject: `loan:${view.loan.id}`,
    payload: {
      planId: plan.id,
      borrowerId: ctx.borrower.id,
      kind: option.kind,
      count: option.count,
      installmentAmount: formatMoney(option.installmentAmount),
      totalPayable: formatMoney(option.totalPayable),
      currency: option.totalPayable.currency,
      firstDueDate: option.firstDueDate,
      lastDueDate: option.lastDueDate,
      channel: ctx.channel,
    },
    at: ctx.at,
  });

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
