// The core functions a model may call to answer a question: each returns figures already formatted.
import type { IsoDate } from "../dates/iso-date.ts";
import type { Components } from "../ledger/loan-state.ts";
import type { CoreTool } from "../llm/answer-with-tools.ts";
import { formatMoney } from "../money/decimal.ts";
import type { Money } from "../money/money.ts";
import { planOptions } from "../plans/plan-options.ts";
import type { LoanView } from "./loan-view.ts";
import type { TurnContext } from "./turn-context.ts";

type Figures = Record<string, string>;

const NO_ARGUMENTS = { type: "object", properties: {}, additionalProperties: false } as const;

/** An amount both ways the answer may quote it: as the borrower reads it and as a plain decimal. */
function money(out: Figures, key: string, ctx: TurnContext, value: Money): void {
  out[key] = ctx.amount(value);
  out[`${key}.decimal`] = formatMoney(value);
}

function day(out: Figures, key: string, ctx: TurnContext, date: IsoDate): void {
  out[key] = ctx.day(date);
  out[`${key}.iso`] = date;
}

function components(out: Figures, key: string, ctx: TurnContext, parts: Components): void {
  for (const part of ["principal", "interest", "fees", "penalties", "total"] as const) {
    money(out, `${key}.${part}`, ctx, parts[part]);
  }
}

function perLoan(
  views: readonly LoanView[],
  fill: (out: Figures, prefix: string, view: LoanView) => void,
): Figures {
  const out: Figures = {};
  for (const view of views) {
    const prefix = `loan ${view.loan.externalRef}`;
    out[prefix] = view.loan.externalRef;
    fill(out, prefix, view);
  }
  if (views.length === 0) out.loans = "none active";
  return out;
}

function loanState(ctx: TurnContext, out: Figures, prefix: string, { state }: LoanView): void {
  out[`${prefix}.asOf`] = ctx.day(state.asOf);
  components(out, `${prefix}.outstanding`, ctx, state.outstanding);
  components(out, `${prefix}.overdue`, ctx, state.overdue);
  out[`${prefix}.daysPastDue`] = String(state.daysPastDue);
  if (state.daysPastDue > 0) {
    // The words with the number, so "45 days past due" is a figure the answer may quote.
    out[`${prefix}.daysPastDue.text`] =
      state.daysPastDue === 1
        ? ctx.say("daysPastDueOne")
        : ctx.say("daysPastDue", { days: String(state.daysPastDue) });
  }
  if (state.nextDue) {
    money(out, `${prefix}.nextDue.amount`, ctx, state.nextDue.amount);
    day(out, `${prefix}.nextDue.date`, ctx, state.nextDue.date);
  }
  money(out, `${prefix}.payoff`, ctx, state.payoff);
  if (state.credit.minor > 0n) money(out, `${prefix}.credit`, ctx, state.credit);
}

function schedule(ctx: TurnContext, out: Figures, prefix: string, { state }: LoanView): void {
  for (const installment of state.installments) {
    const key = `${prefix}.installment ${installment.n}`;
    out[`${key}.number`] = String(installment.n);
    day(out, `${key}.dueDate`, ctx, installment.dueDate);
    money(out, `${key}.due`, ctx, installment.due.total);
    money(out, `${key}.paid`, ctx, installment.paid.total);
    money(out, `${key}.outstanding`, ctx, installment.outstanding.total);
    out[`${key}.status`] = installment.status;
    if (installment.paidOn) day(out, `${key}.paidOn`, ctx, installment.paidOn);
  }
}

function charges(ctx: TurnContext, out: Figures, prefix: string, view: LoanView): void {
  view.transactions.forEach((tx, index) => {
    if (tx.type !== "fee" && tx.type !== "waiver") return;
    const key = `${prefix}.${tx.type === "fee" ? "fee charged" : "waived"} ${index + 1}`;
    money(out, `${key}.amount`, ctx, tx.amount);
    day(out, `${key}.date`, ctx, tx.date);
  });
  // Late fees are penalties the ledger adds to an installment once it runs late.
  for (const installment of view.state.installments) {
    const { fees, penalties } = installment.due;
    if (fees.minor === 0n && penalties.minor === 0n) continue;
    const key = `${prefix}.installment ${installment.n}`;
    day(out, `${key}.dueDate`, ctx, installment.dueDate);
    money(out, `${key}.fees`, ctx, fees);
    money(out, `${key}.lateFeesAndPenalties`, ctx, penalties);
  }
}

function plans(ctx: TurnContext, out: Figures, prefix: string, view: LoanView): void {
  const { options, notOffered } = planOptions(view.loan, view.transactions, ctx.today);
  options.forEach((option, index) => {
    const key = `${prefix}.plan ${index + 1}`;
    out[`${key}.kind`] = option.kind;
    money(out, `${key}.installment`, ctx, option.installmentAmount);
    out[`${key}.installments`] = String(option.count);
    day(out, `${key}.firstDue`, ctx, option.firstDueDate);
    day(out, `${key}.lastDue`, ctx, option.lastDueDate);
    money(out, `${key}.totalPayable`, ctx, option.totalPayable);
  });
  for (const entry of notOffered) out[`${prefix}.not offered ${entry.kind}`] = entry.reason;
}

/**
 * The tools for one borrower's active loans as of the turn's local today. The model picks;
 * our code computes; every figure it may quote is in what these return.
 * @example answerTools(ctx, await ctx.activeLoans())
 */
export function answerTools(ctx: TurnContext, views: readonly LoanView[]): CoreTool[] {
  const tool = (
    name: string,
    description: string,
    fill: (ctx: TurnContext, out: Figures, prefix: string, view: LoanView) => void,
  ): CoreTool => ({
    name,
    description,
    parameters: NO_ARGUMENTS,
    run: async () => perLoan(views, (out, prefix, view) => fill(ctx, out, prefix, view)),
  });
  return [
    tool(
      "loan_state",
      "Each active loan today: outstanding and overdue by component, days past due, next due, payoff.",
      loanState,
    ),
    tool(
      "installment_schedule",
      "Each installment: due date, amount due, amount paid, amount outstanding, status.",
      schedule,
    ),
    tool(
      "fees_charged",
      "Fees and late fees (penalties) charged, with the dates, and any waivers.",
      charges,
    ),
    tool(
      "plan_options",
      "Repayment plans the borrower could choose today: installment, count, dates, total.",
      plans,
    ),
  ];
}
