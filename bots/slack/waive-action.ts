// "Waive a fee": an agent forgives fees or penalties on a loan, capped per action and never beyond what is owed.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { formatAmount } from "../../core/assistant/index.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import { parseMoney } from "../../core/money/index.ts";
import { agentTexts, fillText } from "../../prompts/slack.ts";
import { localDate } from "../time/local-date.ts";
import { ACTION, decodeTarget, encodeTarget, VIEW } from "./action-ids.ts";
import { auditAgent } from "./audit-agent.ts";
import { targetOf } from "./contact-actions.ts";
import { inputValue, modal, selectInput, textInput, type ViewState } from "./modal-input.ts";
import { notifyAgent } from "./notify-agent.ts";
import type { SlackContext } from "./slack-context.ts";

export function registerWaiveAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.waive, async ({ ack, body, client }) => {
    await ack();
    const target = targetOf(body);
    const loan = target?.loanId ? await ctx.store.loans.byId(target.loanId) : undefined;
    if (!target || !loan) return;
    const currency = loan.terms.principal.currency;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: modal(VIEW.waive, "Waive a fee", encodeTarget(target), [
        textInput("amount", `Amount in ${currency} (at most ${ctx.maxWaiver})`, {
          placeholder: "15.00",
        }),
        selectInput("component", "From", [
          ["fees", "Fees"],
          ["penalties", "Penalties"],
        ]),
        textInput("why", "Reason", { multiline: true }),
      ]),
    });
  });

  app.view(VIEW.waive, async ({ ack, body, view, client }) => {
    const target = decodeTarget(view.private_metadata);
    const loan = target?.loanId ? await ctx.store.loans.byId(target.loanId) : undefined;
    const borrower = loan ? await ctx.store.borrowers.byId(loan.borrowerId) : undefined;
    if (!target || !loan || !borrower) return ack();
    const state = view.state.values as ViewState;
    const component = inputValue(state, "component") === "penalties" ? "penalties" : "fees";
    const why = inputValue(state, "why");
    const currency = loan.terms.principal.currency;
    const amount = parseAmount(inputValue(state, "amount"), currency);
    const cap = parseMoney(ctx.maxWaiver, currency);
    const today = localDate(ctx.now(), borrower.timeZone);
    const txs = (await ctx.store.transactions.forLoan(loan.id)).map((r) => r.transaction);
    const before = loanStateAsOf(loan, txs, today);
    const owed = before.outstanding[component];
    const error =
      amount === undefined || amount.minor <= 0n
        ? "Enter a positive amount like 15.00."
        : amount.minor > cap.minor
          ? `At most ${formatAmount(cap, "en")} per waiver.`
          : amount.minor > owed.minor
            ? `Only ${formatAmount(owed, "en")} of ${component} is owed.`
            : undefined;
    if (error) return ack({ response_action: "errors", errors: { amount: error } });
    if (why === "")
      return ack({ response_action: "errors", errors: { why: "A reason is required." } });
    const waived = amount as NonNullable<typeof amount>;
    await ack();
    const { duplicate } = await ctx.store.transactions.record(loan.id, `slack-waiver:${view.id}`, {
      type: "waiver",
      date: today,
      amount: waived,
      component,
    });
    if (duplicate) return;
    const after = loanStateAsOf(
      loan,
      (await ctx.store.transactions.forLoan(loan.id)).map((r) => r.transaction),
      today,
    );
    const charges = (s: typeof before) => ({
      fees: formatAmount(s.outstanding.fees, "en"),
      penalties: formatAmount(s.outstanding.penalties, "en"),
    });
    await auditAgent(ctx, {
      agent: body.user.id,
      action: "waiver.granted",
      subject: `loan:${loan.id}`,
      why,
      before: charges(before),
      after: charges(after),
      details: { borrowerId: borrower.id, amount: formatAmount(waived, "en"), component },
    });
    await notifyAgent(
      client,
      body.user.id,
      target.channel,
      fillText(agentTexts.waived, {
        amount: formatAmount(waived, "en"),
        component,
        loan: loan.externalRef,
        name: borrower.name,
      }),
    );
  });
}

function parseAmount(text: string, currency: string) {
  try {
    return parseMoney(text.replace(/,/g, ""), currency);
  } catch {
    return undefined;
  }
}
