// "Propose plan": the agent picks one of the loan's plan options; the borrower gets it in Telegram with a button to review it.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { localDate } from "../../core/dates/index.ts";
import { type PlanOption, planOptions } from "../../core/plans/index.ts";
import type { StoredLoan } from "../../core/ports/index.ts";
import { agentTexts, borrowerTexts, fillText } from "../../prompts/index.ts";
import { ACTION, decodeTarget, encodeTarget, VIEW } from "./action-ids.ts";
import type { AgentNames } from "./agent-name.ts";
import { auditAgent } from "./audit-agent.ts";
import { targetOf } from "./contact-actions.ts";
import { inputValue, modal, radioInput, textInput, type ViewState } from "./modal-input.ts";
import { notifyAgent } from "./notify-agent.ts";
import { planFigures } from "./plan-message.ts";
import { agentActor, type SlackContext } from "./slack-context.ts";

/** The agent's one line for an option: the same figures the borrower will read. */
export function planSummary(option: PlanOption): string {
  const f = planFigures(option, "en");
  return `${option.kind}: ${f.payments}, ${option.firstDueDate} to ${option.lastDueDate}: ${f.runs}, total ${f.total} (${f.cost})`;
}

export function registerPlanAction(app: App, ctx: SlackContext, names: AgentNames): void {
  const optionsFor = async (loan: StoredLoan, timeZone: string) => {
    const txs = (await ctx.store.transactions.forLoan(loan.id)).map((r) => r.transaction);
    const today = localDate(ctx.now(), timeZone);
    return planOptions(loan, txs, today);
  };

  app.action<BlockAction<ButtonAction>>(ACTION.plan, async ({ ack, body, client }) => {
    await ack();
    const target = targetOf(body);
    const loan = target?.loanId ? await ctx.store.loans.byId(target.loanId) : undefined;
    const borrower = loan ? await ctx.store.borrowers.byId(loan.borrowerId) : undefined;
    if (!target || !loan || !borrower) return;
    const { options, notOffered } = await optionsFor(loan, borrower.timeZone);
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
    const loan = target?.loanId ? await ctx.store.loans.byId(target.loanId) : undefined;
    const borrower = loan ? await ctx.store.borrowers.byId(loan.borrowerId) : undefined;
    if (!target || !loan || !borrower) return ack();
    const state = view.state.values as ViewState;
    const kind = inputValue(state, "option");
    const option = (await optionsFor(loan, borrower.timeZone)).options.find((o) => o.kind === kind);
    if (!option)
      return ack({
        response_action: "errors",
        errors: { option: "That option is no longer offered; reopen the plan dialog." },
      });
    await ack();
    const agent = body.user.id;
    const at = ctx.now().toISOString();
    const plan = await ctx.store.plans.propose(loan.id, option, agentActor(agent), at);
    const t = borrowerTexts[borrower.locale];
    const text = fillText(t.planProposed, {
      agent: await names(client, agent),
      lender: ctx.lenderName,
      loan: loan.externalRef,
      first: option.firstDueDate,
      last: option.lastDueDate,
      ...planFigures(option, borrower.locale),
    });
    let delivered = true;
    try {
      await ctx.sendToBorrower(borrower.id, text, [
        { label: t.planButton, action: `plan:pick:${plan.id}` },
      ]);
      await ctx.store.conversation.append({
        borrowerId: borrower.id,
        channel: "telegram",
        direction: "outbound",
        text,
        at,
        author: agentActor(agent),
      });
    } catch (error) {
      delivered = false;
      ctx.log(`slack: plan ${plan.id} for borrower ${borrower.id} not delivered: ${String(error)}`);
    }
    await auditAgent(ctx, {
      agent,
      action: "plan.proposed",
      subject: `loan:${loan.id}`,
      why: inputValue(state, "why"),
      before: null,
      after: { planId: plan.id, kind: option.kind, status: plan.status },
      details: { borrowerId: borrower.id, delivered },
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
