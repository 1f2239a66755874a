// "When is my next payment?": per active loan, the next installment's date and amount, and any arrears.
import { amountToPay } from "../loan-view.ts";
import { followUpChoices } from "../main-choices.ts";
import { payLinkLine } from "../pay-link.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";
import { noLoans } from "./no-loans.ts";

export async function nextPayment(ctx: TurnContext): Promise<Reply> {
  const views = await ctx.activeLoans();
  if (views.length === 0) return noLoans(ctx);
  const headed = views.length > 1;
  const lines = views.flatMap(({ loan, state, transactions }) => [
    headed ? ctx.say("loanHeading", { loanRef: loan.externalRef }) : "",
    state.nextDue
      ? ctx.say("nextDue", {
          amount: ctx.amount(state.nextDue.amount),
          date: ctx.day(state.nextDue.date),
        })
      : ctx.say("noNextDue"),
    state.overdue.total.minor > 0n
      ? ctx.say("nextPaymentOverdue", { overdue: ctx.amount(state.overdue.total) })
      : "",
    payLinkLine(ctx, { loan, state, transactions }, amountToPay(state)),
  ]);
  const inArrears = views.some((view) => view.state.overdue.total.minor > 0n);
  return reply(lines, followUpChoices(ctx, inArrears));
}
