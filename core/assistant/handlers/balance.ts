// "How much do I owe?": per active loan, the total, the overdue part by component and what is next.
import { amountToPay, type LoanView } from "../loan-view.ts";
import { followUpChoices } from "../main-choices.ts";
import { payLinkLine } from "../pay-link.ts";
import { type Reply, reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";
import { noLoans } from "./no-loans.ts";

export async function balance(ctx: TurnContext): Promise<Reply> {
  const views = await ctx.activeLoans();
  if (views.length === 0) return noLoans(ctx);
  const headed = views.length > 1;
  const lines = views.flatMap((view) => [
    headed ? ctx.say("loanHeading", { loanRef: view.loan.externalRef }) : "",
    ...balanceLines(ctx, view),
  ]);
  const inArrears = views.some((view) => view.state.overdue.total.minor > 0n);
  return reply(lines, followUpChoices(ctx, inArrears));
}

function balanceLines(ctx: TurnContext, view: LoanView): string[] {
  const { state } = view;
  const { overdue } = state;
  const lines = [ctx.say("balanceTotal", { total: ctx.amount(state.outstanding.total) })];
  if (overdue.total.minor > 0n) {
    lines.push(
      ctx.say("balanceOverdue", {
        overdue: ctx.amount(overdue.total),
        late:
          state.daysPastDue === 1
            ? ctx.say("daysPastDueOne")
            : ctx.say("daysPastDue", { days: String(state.daysPastDue) }),
      }),
      ctx.say("balanceOverdueParts", {
        principal: ctx.amount(overdue.principal),
        interest: ctx.amount(overdue.interest),
        fees: ctx.amount(overdue.fees),
        penalties: ctx.amount(overdue.penalties),
      }),
    );
  } else {
    lines.push(ctx.say("balanceUpToDate"));
  }
  lines.push(
    state.nextDue
      ? ctx.say("nextDue", {
          amount: ctx.amount(state.nextDue.amount),
          date: ctx.day(state.nextDue.date),
        })
      : ctx.say("noNextDue"),
    state.credit.minor > 0n ? ctx.say("balanceCredit", { credit: ctx.amount(state.credit) }) : "",
    payLinkLine(ctx, view, amountToPay(state)),
  );
  return lines;
}
