// "Waive a fee": an agent forgives fees or penalties on a loan, capped per action and never beyond what is owed.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { localDate } from "../../core/dates/index.ts";
import { formatAmount } from "../../core/format/index.ts";
import type { LoanState, Transaction } from "../../core/ledger/index.ts";
import { parseMoney, zero } from "../../core/money/index.ts";
import { decideWaiver, type WaiverRefusal, waiverCap } from "../../core/waivers/index.ts";
import { agentTexts, fillText } from "../../prompts/index.ts";
import { ACTION, decodeTarget, encodeTarget, VIEW } from "./action-ids.ts";
import { agentAuditEntry } from "./audit-agent.ts";
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
        textInput(
          "amount",
          `Amount in ${currency} (at most ${formatAmount(waiverCap(ctx.waiverCaps, currency), "en")})`,
          {
            placeholder: "15.00",
          },
        ),
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
    // Unreadable text counts as zero, which is refused as "Enter a positive amount".
    const amount = parseAmount(inputValue(state, "amount"), currency) ?? zero(currency);
    const cap = waiverCap(ctx.waiverCaps, currency);
    const today = localDate(ctx.now(), borrower.timeZone);
    const request = (transactions: readonly Transaction[]) =>
      decideWaiver({ loan, transactions, today, amount, component, cap });
    // A first check answers the form; the store checks again where the waiver is written.
    const early = request(
      (await ctx.store.transactions.forLoan(loan.id)).map((r) => r.transaction),
    );
    if (!early.granted) {
      return ack({ response_action: "errors", errors: { amount: refusalText(early.refusal) } });
    }
    if (why === "")
      return ack({ response_action: "errors", errors: { why: "A reason is required." } });
    await ack();
    const charges = (s: LoanState) => ({
      fees: formatAmount(s.outstanding.fees, "en"),
      penalties: formatAmount(s.outstanding.penalties, "en"),
    });
    const written = await ctx.store.transactions.recordChecked<WaiverRefusal>(
      loan.id,
      `slack-waiver:${view.id}`,
      (transactions) => {
        const decided = request(transactions);
        if (!decided.granted) return { refused: decided.refusal };
        return {
          write: decided.waiver,
          audit: agentAuditEntry(ctx, {
            agent: body.user.id,
            action: "waiver.granted",
            subject: `loan:${loan.id}`,
            why,
            before: charges(decided.before),
            after: charges(decided.after),
            details: { borrowerId: borrower.id, amount: formatAmount(amount, "en"), component },
          }),
        };
      },
    );
    if (written.outcome === "duplicate") return;
    const text =
      written.outcome === "refused"
        ? `Not waived: ${refusalText(written.refusal)}`
        : fillText(agentTexts.waived, {
            amount: formatAmount(amount, "en"),
            component,
            loan: loan.externalRef,
            name: borrower.name,
          });
    await notifyAgent(client, body.user.id, target.channel, text);
  });
}

/** The agent's words for a refusal. */
function refusalText(refusal: WaiverRefusal): string {
  if (refusal.code === "WAIVER_NOT_POSITIVE") {
    return "Enter a positive amount like 15.00.";
  }
  if (refusal.code === "WAIVER_OVER_CAP") {
    return `At most ${formatAmount(refusal.cap, "en")} per waiver.`;
  }
  return `Only ${formatAmount(refusal.owed, "en")} of ${refusal.component} is owed.`;
}

function parseAmount(text: string, currency: string) {
  try {
    return parseMoney(text.replace(/,/g, ""), currency);
  } catch {
    return undefined;
  }
}
