// Card buttons that change how we contact a borrower: pause, resume, dispute (with a handoff), and agent notes.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { type Borrower, lookAgain, type Pause, type PauseReason } from "../../core/ports/index.ts";
import { agentTexts, fillText } from "../../prompts/index.ts";
import { ACTION, decodeTarget, encodeTarget, type Target, VIEW } from "./action-ids.ts";
import { auditAgent } from "./audit-agent.ts";
import { inputValue, modal, selectInput, textInput, type ViewState } from "./modal-input.ts";
import { notifyAgent } from "./notify-agent.ts";
import { agentActor, type SlackContext } from "./slack-context.ts";

const DURATIONS = [
  ["7", "7 days"],
  ["1", "1 day"],
  ["3", "3 days"],
  ["14", "14 days"],
  ["30", "30 days"],
  ["0", "Until lifted"],
] as const;
const PAUSE_REASONS = [
  ["agent_hold", "Agent hold"],
  ["hardship", "Hardship"],
  ["promise", "Promise to pay"],
  ["dispute", "Dispute"],
] as const;

export const pauseSummary = (pauses: readonly Pause[]) =>
  pauses.map((p) => ({
    id: p.id,
    reason: p.reason,
    until: p.until ?? null,
    createdBy: p.createdBy,
  }));

/** A button's target with the channel it was pressed in, so the modal can confirm there. */
export function targetOf(body: BlockAction<ButtonAction>): Target | undefined {
  const target = decodeTarget(body.actions[0]?.value);
  const channel = body.channel?.id;
  return target && { ...target, ...(channel && !target.channel ? { channel } : {}) };
}

export function registerContactActions(app: App, ctx: SlackContext): void {
  const borrowerOf = async (target: Target | undefined): Promise<Borrower | undefined> =>
    target ? ctx.store.borrowers.byId(target.borrowerId) : undefined;

  app.action<BlockAction<ButtonAction>>(ACTION.pause, async ({ ack, body, client }) => {
    await ack();
    const target = targetOf(body);
    if (!(await borrowerOf(target)) || !target) return;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: modal(VIEW.pause, "Pause nudges", encodeTarget(target), [
        selectInput("duration", "For how long", DURATIONS),
        selectInput("reason", "Reason", PAUSE_REASONS),
        textInput("why", "Note (why)", { optional: true, multiline: true }),
      ]),
    });
  });

  app.view(VIEW.pause, async ({ ack, body, view, client }) => {
    const target = decodeTarget(view.private_metadata);
    const borrower = await borrowerOf(target);
    if (!target || !borrower) return ack();
    const state = view.state.values as ViewState;
    const days = Number(inputValue(state, "duration"));
    const reason = inputValue(state, "reason") as PauseReason;
    const why = inputValue(state, "why");
    const now = ctx.now();
    const at = now.toISOString();
    const until = days > 0 ? new Date(now.getTime() + days * 86_400_000).toISOString() : undefined;
    const before = await ctx.store.contact.activePauses(borrower.id, at);
    const pause = await ctx.store.contact.pause({
      borrowerId: borrower.id,
      ...(target.loanId ? { loanId: target.loanId } : {}),
      reason,
      ...(until ? { until } : {}),
      createdBy: agentActor(body.user.id),
    });
    await auditAgent(ctx, {
      agent: body.user.id,
      action: "pause.created",
      subject: `borrower:${borrower.id}`,
      why,
      before: pauseSummary(before),
      after: pauseSummary(await ctx.store.contact.activePauses(borrower.id, at)),
      details: { pauseId: pause.id, reason, until: until ?? null },
    });
    await ack();
    await notifyAgent(
      client,
      body.user.id,
      target.channel,
      fillText(agentTexts.paused, {
        name: borrower.name,
        reason,
        until: until ? `until ${until.slice(0, 10)}` : "until lifted",
      }),
    );
  });

  app.action<BlockAction<ButtonAction>>(ACTION.resume, async ({ ack, body, client }) => {
    await ack();
    const target = targetOf(body);
    const borrower = await borrowerOf(target);
    if (!target || !borrower) return;
    const at = ctx.now().toISOString();
    const before = await ctx.store.contact.activePauses(borrower.id, at);
    // Plan and promise pauses follow the borrower's own commitments; "resume" lifts the manual ones.
    const lifted = before.filter((p) =>
      ["agent_hold", "hardship", "dispute", "unreachable"].includes(p.reason),
    );
    for (const pause of lifted) await ctx.store.contact.liftPause(pause.id, at);
    if (lifted.length > 0) await lookAgain(ctx.store.loans, borrower.id, at);
    await auditAgent(ctx, {
      agent: body.user.id,
      action: "pause.lifted",
      subject: `borrower:${borrower.id}`,
      before: pauseSummary(before),
      after: pauseSummary(await ctx.store.contact.activePauses(borrower.id, at)),
      details: { lifted: lifted.map((p) => p.id) },
    });
    await notifyAgent(
      client,
      body.user.id,
      target.channel,
      fillText(agentTexts.resumed, { name: borrower.name, count: lifted.length }),
    );
  });

  app.action<BlockAction<ButtonAction>>(ACTION.dispute, async ({ ack, body, client }) => {
    await ack();
    const target = targetOf(body);
    if (!target || !(await borrowerOf(target))) return;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: modal(VIEW.dispute, "Mark dispute", encodeTarget(target), [
        textInput("why", "What does the borrower dispute?", { multiline: true }),
      ]),
    });
  });

  app.view(VIEW.dispute, async ({ ack, body, view, client }) => {
    const target = decodeTarget(view.private_metadata);
    const borrower = await borrowerOf(target);
    if (!target || !borrower) return ack();
    const why = inputValue(view.state.values as ViewState, "why");
    if (why === "")
      return ack({ response_action: "errors", errors: { why: "Say what is disputed." } });
    const at = ctx.now().toISOString();
    const before = await ctx.store.contact.activePauses(borrower.id, at);
    const pause = await ctx.store.contact.pause({
      borrowerId: borrower.id,
      ...(target.loanId ? { loanId: target.loanId } : {}),
      reason: "dispute",
      createdBy: agentActor(body.user.id),
    });
    // As when the borrower disputes in chat: the dispute waits in the queue until someone resolves it.
    const { handoff, created } = await ctx.store.handoffs.open(
      borrower.id,
      "dispute",
      at,
      target.loanId,
    );
    await auditAgent(ctx, {
      agent: body.user.id,
      action: "dispute.marked",
      subject: `borrower:${borrower.id}`,
      why,
      before: pauseSummary(before),
      after: pauseSummary(await ctx.store.contact.activePauses(borrower.id, at)),
      details: { pauseId: pause.id, handoffId: handoff.id, handoffCreated: created },
    });
    await ack();
    await notifyAgent(
      client,
      body.user.id,
      target.channel,
      fillText(agentTexts.disputed, { name: borrower.name }),
    );
  });

  app.action<BlockAction<ButtonAction>>(ACTION.note, async ({ ack, body, client }) => {
    await ack();
    const target = targetOf(body);
    if (!target || !(await borrowerOf(target))) return;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: modal(VIEW.note, "Add a note", encodeTarget(target), [
        textInput("note", "Note", { multiline: true }),
      ]),
    });
  });

  app.view(VIEW.note, async ({ ack, body, view, client }) => {
    const target = decodeTarget(view.private_metadata);
    const borrower = await borrowerOf(target);
    if (!target || !borrower) return ack();
    const note = inputValue(view.state.values as ViewState, "note");
    if (note === "") return ack({ response_action: "errors", errors: { note: "Write the note." } });
    await auditAgent(ctx, {
      agent: body.user.id,
      action: "note.added",
      subject: `borrower:${borrower.id}`,
      why: note,
    });
    await ack();
    await notifyAgent(
      client,
      body.user.id,
      target.channel,
      fillText(agentTexts.noted, { name: borrower.name }),
    );
  });
}
