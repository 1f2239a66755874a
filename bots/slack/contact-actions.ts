// Card buttons that change how we contact a borrower: pause, resume, dispute (with a handoff), and agent notes.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import {
  addNote,
  CommandErrorCode,
  markDispute,
  pauseNudges,
  resumeNudges,
} from "../../core/commands/index.ts";
import type { Borrower, PauseReason } from "../../core/ports/index.ts";
import { agentTexts, fillText } from "../../prompts/index.ts";
import { ACTION, decodeTarget, encodeTarget, type Target, VIEW } from "./action-ids.ts";
import { refusedWith } from "./command-refusal.ts";
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
    const paused = await pauseNudges(ctx.store, {
      borrowerId: borrower.id,
      ...(target.loanId ? { loanId: target.loanId } : {}),
      reason: inputValue(state, "reason") as PauseReason,
      days: Number(inputValue(state, "duration")),
      why: inputValue(state, "why"),
      actor: agentActor(body.user.id),
      at: ctx.now().toISOString(),
    }).catch(
      refusedWith({ [CommandErrorCode.InvalidPause]: { reason: "Pick a duration and a reason." } }),
    );
    if ("errors" in paused) return ack(paused);
    const { until, reason } = paused.pause;
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
    const { lifted } = await resumeNudges(ctx.store, {
      borrowerId: borrower.id,
      actor: agentActor(body.user.id),
      at: ctx.now().toISOString(),
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
    const refused = await markDispute(ctx.store, {
      borrowerId: borrower.id,
      ...(target.loanId ? { loanId: target.loanId } : {}),
      why: inputValue(view.state.values as ViewState, "why"),
      actor: agentActor(body.user.id),
      at: ctx.now().toISOString(),
    }).then(
      () => undefined,
      refusedWith({ [CommandErrorCode.ReasonRequired]: { why: "Say what is disputed." } }),
    );
    if (refused) return ack(refused);
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
    const refused = await addNote(ctx.store, {
      borrowerId: borrower.id,
      note: inputValue(view.state.values as ViewState, "note"),
      actor: agentActor(body.user.id),
      at: ctx.now().toISOString(),
    }).then(
      () => undefined,
      refusedWith({ [CommandErrorCode.ReasonRequired]: { note: "Write the note." } }),
    );
    if (refused) return ack(refused);
    await ack();
    await notifyAgent(
      client,
      body.user.id,
      target.channel,
      fillText(agentTexts.noted, { name: borrower.name }),
    );
  });
}
