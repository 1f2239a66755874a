// "Waive a fee": an agent forgives fees or penalties on a loan, capped per action and never beyond what is owed.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { CommandErrorCode, waiveCharge } from "../../core/commands/index.ts";
import { isDomainError } from "../../core/errors/index.ts";
import { formatAmount } from "../../core/format/index.ts";
import { parseMoney, zero } from "../../core/money/index.ts";
import { type WaiverRefusal, waiverCap } from "../../core/waivers/index.ts";
import { agentTexts, fillText } from "../../prompts/index.ts";
import { ACTION, decodeTarget, encodeTarget, VIEW } from "./action-ids.ts";
import type { ModalErrors } from "./command-refusal.ts";
import { targetOf } from "./contact-actions.ts";
import { inputValue, modal, selectInput, textInput, type ViewState } from "./modal-input.ts";
import { notifyAgent } from "./notify-agent.ts";
import { agentActor, type SlackContext } from "./slack-context.ts";

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
    if (!target || !loan) return ack();
    const state = view.state.values as ViewState;
    const component = inputValue(state, "component") === "penalties" ? "penalties" : "fees";
    const currency = loan.terms.principal.currency;
    // Unreadable text counts as zero, which is refused as "Enter a positive amount".
    const amount = parseAmount(inputValue(state, "amount"), currency) ?? zero(currency);
    // The command checks before answering the form, and again where the waiver is written.
    const written = await waiveCharge(ctx.store, {
      loanId: loan.id,
      amount,
      component,
      why: inputValue(state, "why"),
      caps: ctx.waiverCaps,
      idempotencyKey: `slack-waiver:${view.id}`,
      actor: agentActor(body.user.id),
      at: ctx.now().toISOString(),
    }).catch((error: unknown): ModalErrors => {
      const refusal = refusalOf(error);
      if (refusal) return { response_action: "errors", errors: { amount: refusalText(refusal) } };
      if (isDomainError(error) && error.code === CommandErrorCode.ReasonRequired) {
        return { response_action: "errors", errors: { why: "A reason is required." } };
      }
      throw error;
    });
    if ("errors" in written) return ack(written);
    await ack();
    if (written.outcome === "duplicate") return;
    await notifyAgent(
      client,
      body.user.id,
      target.channel,
      fillText(agentTexts.waived, {
        amount: formatAmount(amount, "en"),
        component,
        loan: written.loanRef,
        name: written.borrowerName,
      }),
    );
  });
}

/** The waiver refusal a command threw, if that is what failed. */
function refusalOf(error: unknown): WaiverRefusal | undefined {
  if (!isDomainError(error)) return undefined;
  const refusal = error.details.refusal as WaiverRefusal | undefined;
  return refusal?.code === error.code ? refusal : undefined;
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
