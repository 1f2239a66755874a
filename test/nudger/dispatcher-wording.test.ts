// The dispatcher with a model: the guard picks the words, the audit says whose, the send never waits.
import { describe, expect, it } from "vitest";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { type Llm, scriptedLlm } from "../../core/llm/index.ts";
import type { NudgeDecisionEvent } from "../../core/policy/decision-event.ts";
import {
  borrowerWithLoan,
  clockedMemoryStore,
  nudgerDeps,
  recordingSender,
} from "./nudger-builders.ts";

const TEN_AM_NEW_YORK = "2026-03-03T15:00:00.000Z";
const WARM = "A friendly note from Acme Lending:";

/** One planned overdue nudge, and a dispatcher that offers it to `llm`. */
async function plannedNudge(llm?: Llm, rewriteTimeoutMs?: number) {
  const sender = recordingSender();
  const { store, clock } = clockedMemoryStore(TEN_AM_NEW_YORK);
  const loan = await borrowerWithLoan(store, {
    ref: "1",
    firstDueDate: "2026-03-02",
    telegramId: 42,
  });
  const events: NudgeDecisionEvent[] = [];
  const deps = nudgerDeps(store, clock, sender, events);
  expect((await planTick(deps.planner, clock.now)).planned).toBe(1);
  const dispatcher = {
    ...deps.dispatcher,
    ...(llm ? { llm } : {}),
    ...(rewriteTimeoutMs === undefined ? {} : { rewriteTimeoutMs }),
  };
  const dispatch = () => dispatchTick(dispatcher, clock.now);
  const worded = async () => store.audit.forSubject(`loan:${loan.id}`, 10);
  const said = async () =>
    (await store.conversation.recent(loan.borrowerId, 10)).filter((m) => m.author === "nudger");
  return { sender, events, dispatch, worded, said };
}

/** What the template says, as the dispatcher sends it without a model. */
async function templateText(): Promise<string> {
  const { sender, dispatch } = await plannedNudge();
  await dispatch();
  return sender.sent[0]?.text as string;
}

describe("dispatcher with a model rewording nudges", () => {
  it("Should send the template, and audit why, when the model changes an amount", async () => {
    const template = await templateText();
    const amount = /\$[\d,]+\.\d\d/.exec(template)?.[0] as string;
    const llm = scriptedLlm({ rewrite: ({ user }) => user.replace(amount, "$1.00") });
    const { sender, events, dispatch, worded, said } = await plannedNudge(llm);

    expect(await dispatch()).toMatchObject({ sent: 1, failed: 0 });

    expect(llm.calls).toEqual(["rewrite"]);
    expect(sender.sent.map((s) => s.text)).toEqual([template]);
    const [entry] = await worded();
    expect(entry).toMatchObject({
      actor: "nudger",
      action: "nudge.worded",
      payload: { source: "template", rejectedBecause: `missing:${amount}`, template },
    });
    expect((await said()).map((m) => m.text)).toEqual([template]);
    expect(events.find((e) => e.decision === "sent")).toMatchObject({
      text: template,
      wording: "template",
      rejectedBecause: `missing:${amount}`,
    });
  });

  it("Should send the model's words when it rewords faithfully", async () => {
    const template = await templateText();
    const llm = scriptedLlm({ rewrite: ({ user }) => `${WARM}\n${user}` });
    const { sender, events, dispatch, worded, said } = await plannedNudge(llm);

    expect(await dispatch()).toMatchObject({ sent: 1 });

    const reworded = `${WARM}\n${template}`;
    expect(sender.sent.map((s) => s.text)).toEqual([reworded]);
    const [entry] = await worded();
    expect(entry).toMatchObject({ action: "nudge.worded", payload: { source: "model", template } });
    expect(entry?.payload).not.toHaveProperty("rejectedBecause");
    expect((await said()).map((m) => m.text)).toEqual([reworded]);
    expect(events.find((e) => e.decision === "sent")).toMatchObject({ wording: "model" });
  });

  it("Should send the template in time when the model stalls past the timeout", async () => {
    const template = await templateText();
    const llm = scriptedLlm({ rewrite: () => new Promise<string>(() => {}) });
    const { sender, dispatch, worded, said } = await plannedNudge(llm, 50);

    const started = Date.now();
    expect(await dispatch()).toMatchObject({ sent: 1, failed: 0 });

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(sender.sent.map((s) => s.text)).toEqual([template]);
    expect((await worded())[0]?.payload).toMatchObject({
      source: "template",
      rejectedBecause: "LLM_TIMEOUT",
    });
    expect((await said()).map((m) => m.text)).toEqual([template]);
  });

  it("Should send the template when the model fails outright", async () => {
    const template = await templateText();
    const { sender, dispatch, worded } = await plannedNudge(scriptedLlm({}));

    expect(await dispatch()).toMatchObject({ sent: 1, failed: 0 });

    expect(sender.sent.map((s) => s.text)).toEqual([template]);
    expect((await worded())[0]?.payload).toMatchObject({
      source: "template",
      rejectedBecause: "LLM_FAILED",
    });
  });

  it("Should neither ask a model nor write a wording audit line without one", async () => {
    const { events, dispatch, worded } = await plannedNudge();

    await dispatch();

    expect(await worded()).toEqual([]);
    expect(events.find((e) => e.decision === "sent")).not.toHaveProperty("wording");
  });
});
