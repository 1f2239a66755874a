// A borrower in Telegram reaches an agent in Slack and back: handoff card, claim, relayed thread, release, and an agent's plan.
import type { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { generateLinkCode, hashLinkCode } from "../../bots/linking/link-code.ts";
import { ACTION, VIEW } from "../../bots/slack/action-ids.ts";
import { type SlackApp, telegramDelivery } from "../../bots/slack/index.ts";
import { createTelegramBot, type RepayContext } from "../../bots/telegram/create-telegram-bot.ts";
import { createAssistant } from "../../core/assistant/index.ts";
import { feeFigures, formatPercent, planDisclosure } from "../../core/disclosure/index.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { assistantTemplates } from "../../prompts/index.ts";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api/index.ts";
import {
  type FakeTelegram,
  type SentMessage,
  startFakeTelegram,
} from "../fakes/telegram-api/index.ts";
import { anaLoan, json } from "../helpers/api.ts";
import { buttons, chatUser } from "../helpers/telegram.ts";
import {
  AGENT,
  CHANNEL,
  OTHER_AGENT,
  pressButton,
  sendEvent,
  slashCommand,
  startSlackApp,
  submitView,
} from "./slack-helpers.ts";

const NOW = new Date("2026-04-01T14:00:00Z");
let store: Store;
let slackApi: FakeSlack;
let telegram: FakeTelegram;
let slack: SlackApp;
let bot: Bot<RepayContext>;
let url: string;
const log: string[] = [];

beforeAll(async () => {
  store = createMemoryStore();
  await importLoans(store, [{ line: 2, fields: anaLoan }]);
  slackApi = await startFakeSlack();
  slackApi.addUser(AGENT, "Maria Santos");
  telegram = await startFakeTelegram();
  // The Slack app and the bot need each other: Slack delivers through the bot, the bot calls Slack's hooks.
  let api: Bot<RepayContext>["api"] | undefined;
  ({ slack, url } = await startSlackApp(store, slackApi, {
    now: () => NOW,
    log,
    sendToBorrower: (id, text, b) =>
      telegramDelivery(store, api as NonNullable<typeof api>)(id, text, b),
  }));
  bot = createTelegramBot({
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    store,
    assistant: createAssistant({
      store,
      templates: assistantTemplates,
      lenderName: "Acme Lending",
    }),
    now: () => NOW,
    log: (line) => log.push(line),
    handoffs: slack,
  });
  api = bot.api;
  void bot.start();
  const ana = (await store.borrowers.byRef("B-001"))!;
  const code = generateLinkCode();
  await store.linkCodes.issue(ana.id, hashLinkCode(code), "2026-04-02T00:00:00.000Z");
  await chatUser(telegram, 101).say(`/start ${code}`);
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await slack?.stop();
  await slackApi?.close();
  await telegram?.close();
});

describe("Handoff between Telegram and Slack", () => {
  let cardTs: string;
  let handoffId: string;
  let planOffer: SentMessage;
  let planPick: string;

  it("Should post a handoff card with the masked transcript and a Claim button when the borrower asks for a person", async () => {
    await chatUser(telegram, 101).say("my number is 2125550101, I want to talk to a person");
    const card = await slackApi.waitFor(
      (c) =>
        c.method === "chat.postMessage" &&
        c.args.channel === CHANNEL &&
        /Handoff/.test(c.args.text),
    );
    const blocks = JSON.stringify(card.args.blocks);
    expect(blocks).toContain("•••0101");
    expect(blocks).not.toContain("2125550101");
    expect(blocks).toContain(ACTION.claim);
    handoffId = card.args.blocks.at(-1).elements[0].value;
    cardTs = card.result?.ts;
  });

  it("Should give the conversation to the first agent who claims it, and tell the borrower", async () => {
    await pressButton(url, AGENT, ACTION.claim, handoffId, cardTs);
    await pressButton(url, OTHER_AGENT, ACTION.claim, handoffId, cardTs);
    const ana = (await store.borrowers.byRef("B-001"))!;
    expect(await store.handoffs.active(ana.id)).toMatchObject({
      status: "claimed",
      claimedBy: `agent:${AGENT}`,
      slackChannel: CHANNEL,
      slackThreadTs: cardTs,
    });
    await slackApi.waitFor(
      (c) =>
        c.method === "chat.postEphemeral" &&
        c.args.user === OTHER_AGENT &&
        /already claimed/.test(c.args.text),
    );
    const joined = await telegram.waitFor(
      (m) => m.chat_id === 101 && /Maria from Acme Lending has joined/.test(m.text),
      10_000,
    );
    expect(joined).toBeDefined();
  });

  it("Should deliver the agent's thread reply to the borrower, signed with the agent's first name", async () => {
    await sendEvent(url, {
      type: "message",
      channel: CHANNEL,
      user: AGENT,
      text: "Hi Ana, how can I help?",
      ts: "1700000100.000001",
      thread_ts: cardTs,
    });
    const relayed = await telegram.waitFor(
      (m) => m.chat_id === 101 && m.text === "Maria (Acme Lending): Hi Ana, how can I help?",
      10_000,
    );
    expect(relayed).toBeDefined();
  });

  it("Should relay an agent's reply once when Slack sends the event again", async () => {
    const event = {
      type: "message",
      channel: CHANNEL,
      user: AGENT,
      text: "Are you still there?",
      ts: "1700000100.000002",
      thread_ts: cardTs,
    };
    const first = await sendEvent(url, event, { eventId: "EvAgentRetry" });
    // Handlers finish before the answer: had the retry been handled, its send came before its 200.
    const again = await sendEvent(url, event, { eventId: "EvAgentRetry", retryNum: 1 });
    expect([first.status, again.status]).toEqual([200, 200]);
    const relayed = telegram
      .sentMessages(101)
      .filter((m) => m.text === "Maria (Acme Lending): Are you still there?");
    expect(relayed).toHaveLength(1);
  });

  it("Should put the borrower's answer in the thread instead of the assistant answering", async () => {
    const before = telegram.sentMessages(101).length;
    const update = telegram.pushUpdate(
      telegram.userMessage(
        { id: 101, first_name: "Ana" },
        "I lost my job, can we talk about a plan?",
      ),
    );
    const inThread = await slackApi.waitFor(
      (c) =>
        c.method === "chat.postMessage" &&
        c.args.thread_ts === cardTs &&
        /lost my job/.test(c.args.text),
    );
    expect(inThread.args.channel).toBe(CHANNEL);
    // The bot has finished with the message (it asked for the next update): no answer of its own.
    await telegram.handled(update, 10_000);
    expect(telegram.sentMessages(101).length).toBe(before);
  });

  it("Should send an agent's plan to the borrower with a button the assistant understands", async () => {
    const res = await slashCommand(url, AGENT, "find B-001");
    const card = await json(res);
    const planButton = (
      card.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>
    )
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === ACTION.plan) as { value: string };
    await pressButton(url, AGENT, ACTION.plan, planButton.value);
    const opened = await slackApi.waitFor(
      (c) => c.method === "views.open" && c.args.view?.callback_id === VIEW.plan,
    );
    await submitView(url, AGENT, opened.args.view, {
      option: { option: "extended" },
      why: { text: "Lost job; lower installment" },
    });
    const offer = await telegram.waitFor(
      (m) => m.chat_id === 101 && /payment plan for loan L-001/.test(m.text),
      10_000,
    );
    const pick = buttons(offer).find((b) => b.startsWith("plan:pick:"));
    expect(pick).toBeDefined();
    planOffer = offer;
    planPick = pick as string;
    const loan = (await store.loans.byRef("L-001"))!;
    expect((await store.plans.forLoan(loan.id))[0]).toMatchObject({
      status: "proposed",
      proposedBy: `agent:${AGENT}`,
      option: { kind: "extended" },
    });
  });

  it("Should hand the chat back to the assistant on Release", async () => {
    await pressButton(url, AGENT, ACTION.release, handoffId, cardTs);
    const ana = (await store.borrowers.byRef("B-001"))!;
    expect(await store.handoffs.active(ana.id)).toBeUndefined();
    await telegram.waitFor((m) => m.chat_id === 101 && /has left the chat/.test(m.text), 10_000);
    const reply = await chatUser(telegram, 101).say("how much do I owe?");
    expect(reply.text).toContain("$1,326.82");
    const audit = (await store.audit.forSubject(`borrower:${ana.id}`, 20)).map((e) => e.action);
    expect(audit).toEqual(
      expect.arrayContaining(["handoff.claimed", "handoff.message_sent", "handoff.released"]),
    );
  });

  it("Should show the agent's plan as accepted on the card once the borrower confirms it in Telegram", async () => {
    const ana = chatUser(telegram, 101);
    const picked = await ana.tap(planPick, planOffer);
    // the agent's message states the plan screen's figures: count, every run, total, extra cost
    const screen = /(\d+ payments) from .*?: (.*?)\. Total (\S+) \((.*?)\)\./.exec(picked.text);
    expect(screen).not.toBeNull();
    const [, payments, runs, total, cost] = screen as RegExpExecArray;
    expect(planOffer.text).toContain(`${payments} from `);
    expect(planOffer.text).toContain(`: ${runs}. Total ${total} (${cost}).`);
    expect(cost).toMatch(/more than your current schedule/);
    // ...and its terms, as the plan screen states them: the rate and the missed-payment rule,
    // each figure from core's plan disclosure.
    const terms = /\(.*?\)\. (Interest: .*?) Tap below/.exec(planOffer.text)?.[1] as string;
    expect(picked.text).toContain(terms);
    const loanNow = (await store.loans.byRef("L-001"))!;
    const proposedPlan = (await store.plans.forLoan(loanNow.id))[0]!;
    const txs = (await store.transactions.forLoan(loanNow.id)).map((r) => r.transaction);
    const disclosed = planDisclosure(loanNow, txs, "2026-04-01", proposedPlan.option);
    expect(terms).toContain(`Interest: ${formatPercent(disclosed.annualRate, "en")} a year.`);
    expect(disclosed.missedFee.kind).toBe("fee");
    if (disclosed.missedFee.kind === "fee") {
      const fee = feeFigures(disclosed.missedFee, { locale: "en", today: "2026-04-01" });
      expect(terms).toContain(
        `If a plan payment is missed: the payment due on ${fee.dueDate}, still unpaid on ${fee.feeDate}, would add a late fee of ${fee.fee}.`,
      );
    }
    const confirm = buttons(picked).find((b) => b.startsWith("plan:confirm:"));
    expect(confirm).toBe(planPick.replace("pick", "confirm"));
    const accepted = await ana.tap(confirm as string, picked);
    expect(accepted.text).toContain("Your plan is in place");

    const loan = (await store.loans.byRef("L-001"))!;
    expect((await store.plans.forLoan(loan.id))[0]).toMatchObject({
      status: "accepted",
      proposedBy: `agent:${AGENT}`,
      acceptedAt: NOW.toISOString(),
    });
    const card = JSON.stringify((await json(await slashCommand(url, AGENT, "find B-001"))).blocks);
    expect(card).toContain(`Plan: extended`);
    expect(card).toContain(`(*accepted*, accepted 2026-04-01, by agent:${AGENT})`);
  });
});
