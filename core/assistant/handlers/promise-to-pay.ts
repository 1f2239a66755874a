// "I'll pay on Friday": note the promise on the most delinquent loan and pause reminders until then.
import { daysBetween } from "../../dates/iso-date.ts";
import { formatMoney } from "../../money/decimal.ts";
import type { Money } from "../../money/money.ts";
import { actions } from "../actions.ts";
import { entityAmount } from "../entity-amount.ts";
import { amountToPay, type LoanView, mostDelinquent } from "../loan-view.ts";
import { mainChoices } from "../main-choices.ts";
import { payLinkLine } from "../pay-link.ts";
import { promiseDateChoices, promisePauseUntil } from "../promise-dates.ts";
import { type Reply, reply } from "../reply.ts";
import { PROMISE_HORIZON_DAYS } from "../rules.ts";
import type { TurnContext } from "../turn-context.ts";
import { noLoans } from "./no-loans.ts";

export interface PromiseInput {
  /** The promised local date, "YYYY-MM-DD". */
  readonly date?: string;
  /** The amount the borrower named, a decimal string. */
  readonly amount?: string;
}

/**
 * A promise needs a date from today to PROMISE_HORIZON_DAYS ahead: a past date is asked again,
 * and a later one is better served by a plan. The amount is what the borrower named, else the
 * overdue total, else the next installment.
 */
export async function promiseToPay(ctx: TurnContext, input: PromiseInput): Promise<Reply> {
  const view = mostDelinquent(await ctx.activeLoans());
  if (!view) return noLoans(ctx);
  const named = entityAmount(input.amount, view.loan.terms.principal.currency);
  const amount = named ?? amountToPay(view.state);
  if (!amount) return reply([ctx.say("promiseNothingDue")], mainChoices(ctx));
  const carried = named ? formatMoney(named) : undefined;
  const plan = ctx.choice(actions.intent("plan_request"), "labelPlan");

  if (input.date === undefined) {
    return reply([ctx.say("promiseAskDate")], [...promiseDateChoices(ctx, carried), plan]);
  }
  if (input.date < ctx.today) {
    return reply([ctx.say("promisePastDate")], [...promiseDateChoices(ctx, carried), plan]);
  }
  if (daysBetween(ctx.today, input.date) > PROMISE_HORIZON_DAYS) {
    return reply(
      [ctx.say("promiseTooFar", { maxDays: String(PROMISE_HORIZON_DAYS) })],
      [
        plan,
        ...promiseDateChoices(ctx, carried),
        ctx.choice(actions.intent("human_agent"), "labelHuman"),
      ],
    );
  }
  await keepPromise(ctx, view, amount, input.date);
  return reply(
    [
      ctx.say("promiseRecorded", { amount: ctx.amount(amount), date: ctx.day(input.date) }),
      payLinkLine(ctx, view, amount),
    ],
    [
      ctx.choice(actions.intent("balance"), "labelBalance"),
      ctx.choice(actions.intent("help"), "labelHelp"),
    ],
  );
}

/** Records the promise and its pause once: saying the same promise twice changes nothing. */
async function keepPromise(ctx: TurnContext, view: LoanView, amount: Money, date: string) {
  const { contact } = ctx.store;
  const open = await contact.promises(ctx.borrower.id);
  const same = open.some(
    (promise) =>
      promise.status === "open" &&
      promise.loanId === view.loan.id &&
      promise.promisedFor === date &&
      promise.amount.minor === amount.minor &&
      promise.amount.currency === amount.currency,
  );
  if (same) return;
  const promise = await contact.promise({
    borrowerId: ctx.borrower.id,
    loanId: view.loan.id,
    amount,
    promisedFor: date,
  });
  const until = promisePauseUntil(date, ctx.timeZone);
  await contact.pause({
    borrowerId: ctx.borrower.id,
    loanId: view.loan.id,
    reason: "promise",
    until,
    createdBy: "assistant",
  });
  await ctx.store.audit.append({
    actor: "assistant",
    action: "promise.recorded",
    subject: `loan:${view.loan.id}`,
    payload: {
      promiseId: promise.id,
      borrowerId: ctx.borrower.id,
      amount: formatMoney(amount),
      currency: amount.currency,
      promisedFor: date,
      pausedUntil: until,
      channel: ctx.channel,
    },
    at: ctx.at,
  });
}
