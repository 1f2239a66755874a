// "Propose plan": the agent picks one of the loan's plan options; the borrower gets it in Telegram with a button to review it.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import {
  CommandErrorCode,
  loanPlanOptions,
  proposePlan,
  recordPlanDelivery,
} from "../../core/commands/index.ts";
import { localDate } from "../../core/dates/index.ts";
import { isDomainError } from "../../core/errors/index.ts";
import type { PlanOption } from "../../core/plans/index.ts";
import { agentTexts, borrowerTexts, fillText } from "../../prompts/index.ts";
import { ACTION, decodeTarget, encodeTarget, VIEW } from "./action-ids.ts";
import type { AgentNames } from "./agent-name.ts";
import { refusedWith } from "./command-refusal.ts";
import { targetOf } from "./contact-actions.ts";
import { inputValue, modal, radioInput, textInput, type ViewState } from "./modal-input.ts";
import { notifyAgent } from "./notify-agent.ts";
import { planFigures, planTermsText } from "./plan-message.ts";
import { agentActor, type SlackContext } from "./slack-context.ts";

/** The agent's one line for an option: the same figures the borrower will read. */
export function planSummary(option: PlanOption): string {
  const f = planFigures(option, "en");
  return `${option.kind}: ${f.payments}, ${option.firstDueDate} to ${option.lastDueDate}: ${f.runs}, total ${f.total} (${f.cost})`;
}

export function registerPlanAction(app: App, ctx: SlackContext, names: AgentNames): void {
  app.action<BlockAction<ButtonAction>>(ACTION.plan, async ({ ack, body, client }) => {
    await ack();
    const target = targetOf(body);
    const loan = target?.loanId ? await ctx.store.loans.byId(target.loanId) : undefined;
    if (!target || !loan) return;
    const { options, notOffered } = await loanPlanOptions(
      ctx.store,
      loan.id,
      ctx.now().toISOString(),
    );
    if (options.length === 0) {
      const reasons = notOffered.map((n) => `${n.kind}: ${n.reason}`).join(", ");
      return notifyAgent(
        client,
        body.user.id,
        target.channel,
        fillText(agentTexts.noPlans, { loan: loan.externalRef, reasons }),
      );
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: modal(
        VIEW.plan,
        `Plan for ${loan.externalRef}`.slice(0, 24),
        encodeTarget(target),
        [
          radioInput(
            "option",
            "Option to send",
            options.map((o) => [o.kind, planSummary(o).slice(0, 150)] as const),
          ),
          textInput("why", "Why this plan", { multiline: true, optional: true }),
        ],
        "Send to borrower",
      ),
    });
  });

  app.view(VIEW.plan, async ({ ack, body, view, client }) => {
    const target = decodeTarget(view.private_metadata);
    if (!target?.loanId) return ack();
    const state = view.state.values as ViewState;
    const agent = body.user.id;
    const at = ctx.now().toISOString();
    const proposed = await proposePlan(ctx.store, {
      loanId: target.loanId,
      kind: inputValue(state, "option"),
      why: inputValue(state, "why"),
      actor: agentActor(agent),
      at,
    }).catch((error: unknown) => {
      const gone: string[] = [CommandErrorCode.LoanNotFound, CommandErrorCode.BorrowerNotFound];
      if (isDomainError(error) && gone.includes(error.code)) return undefined;
      return refusedWith({
        [CommandErrorCode.PlanNotOffered]: {
          option: "That option is no longer offered; reopen the plan dialog.",
        },
      })(error);
    });
    if (!proposed) return ack();
    if ("errors" in proposed) return ack(proposed);
    await ack();
    const { plan, loan, borrower } = proposed;
    const { option } = plan;
    const t = borrowerTexts[borrower.locale];
    const transactions = (await ctx.store.transactions.forLoan(loan.id)).map((r) => r.transaction);
    const today = localDate(ctx.now(), borrower.timeZone);
    const text = fillText(t.planProposed, {
      agent: await names(client, agent),
      lender: ctx.lenderName,
      loan: loan.externalRef,
      first: option.firstDueDate,
      last: option.lastDueDate,
      ...planFigures(option, borrower.locale),
      terms: planTermsText(option, { loan, transactions }, today, borrower.locale),
    });
    let delivered = true;
    try {
      await ctx.sendToBorrower(borrower.id, text, [
        { label: t.planButton, action: `plan:pick:${plan.id}` },
      ]);
    } catch (error) {
      delivered = false;
      ctx.log(`slack: plan ${plan.id} for borrower ${borrower.id} not delivered: ${String(error)}`);
    }
    await recordPlanDelivery(ctx.store, {
      planId: plan.id,
      loanId: loan.id,
      borrowerId: borrower.id,
      channel: "telegram",
      text,
      delivered,
      actor: agentActor(agent),
      at,
    });
    await notifyAgent(
      client,
      agent,
      target.channel,
      delivered
        ? fillText(agentTexts.planProposed, { name: borrower.name, summary: planSummary(option) })
        : fillText(agentTexts.notLinked, { name: borrower.name }),
    );
  });
}
