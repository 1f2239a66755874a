// A borrower who texts reaches an agent in Slack and back by SMS: card, claim, relayed thread, STOP.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { agentsLater } from "../../bots/serve/agents-later.ts";
import { ACTION } from "../../bots/slack/action-ids.ts";
import { lastChannelDelivery, type SlackApp } from "../../bots/slack/index.ts";
import { createSmsChannel, type SmsChannel } from "../../bots/sms/sms-channel.ts";
import { createAssistant } from "../../core/assistant/index.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { assistantTemplates } from "../../prompts/index.ts";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api/index.ts";
import { type FakeTwilio, startFakeTwilio } from "../fakes/twilio-api/start-fake-twilio.ts";
import { anaLoan } from "../helpers/api.ts";
import { AGENT, CHANNEL, pressButton, sendEvent, startSlackApp } from "./slack-helpers.ts";

const NOW = new Date("2026-04-01T14:00:00Z");
const PHONE = anaLoan.phone;
let store: Store;
let twilio: FakeTwilio;
let slackApi: FakeSlack;
let slack: SlackApp;
let sms: SmsChannel;
let server: ReturnType<typeof serve>;
let slackUrl: string;
let smsUrl: string;
const log: string[] = [];

/** The borrower texts us; our TwiML answer's text, "" when we answer nothing. */
async function text(body: string): Promise<string> {
  const answer = await twilio.inbound(smsUrl, { From: PHONE, To: "+15005550006", Body: body });
  expect(answer.status).toBe(200);
  return answer.body.replace(/<[^>]+>/g, "").trim();
}

beforeAll(async () => {
  store = createMemoryStore({ clock: () => NOW.toISOString() });
  await importLoans(store, [{ line: 2, fields: anaLoan }]);
  twilio = await startFakeTwilio();
  slackApi = await startFakeSlack();
  slackApi.addUser(AGENT, "Maria Santos");
  // The SMS channel needs Slack (handoffs) and Slack needs the SMS sender: bound after both exist.
  const agents = agentsLater();
  server = serve({ fetch: (request) => sms.routes.fetch(request), port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  smsUrl = `${base}/sms/twilio`;
  sms = createSmsChannel({
    store,
    assistant: createAssistant({
      store,
      templates: assistantTemplates,
      lenderName: "Acme Lending",
    }),
    lenderName: "Acme Lending",
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: "+15005550006",
    publicBaseUrl: base,
    apiBaseUrl: twilio.url,
    perSecond: 100,
    clock: () => NOW.toISOString(),
    handoffs: agents.notifier,
    log: (line) => log.push(line),
  });
  ({ slack, url: slackUrl } = await startSlackApp(store, slackApi, {
    now: () => NOW,
    log,
    sendToBorrower: lastChannelDelivery(store, { sms: sms.sender }),
  }));
  agents.attach(slack);
}, 30_000);

afterAll(async () => {
  await slack?.stop();
  await new Promise((resolve) => server?.close(resolve));
  await slackApi?.close();
  await twilio?.close();
});

describe("Handoff between SMS and Slack", () => {
  let cardTs: string;

  it("Should post the handoff card when a borrower asks for a person by text, and still answer them", async () => {
    const answer = await text("I want to talk to a person");
    expect(answer).not.toBe("");
    const card = await slackApi.waitFor(
      (c) =>
        c.method === "chat.postMessage" &&
        c.args.channel === CHANNEL &&
        /Handoff/.test(c.args.text),
    );
    cardTs = card.result?.ts;
    const handoffId = card.args.blocks.at(-1).elements[0].value;
    await pressButton(slackUrl, AGENT, ACTION.claim, handoffId, cardTs);
    const ana = (await store.borrowers.byRef("B-001"))!;
    expect(await store.handoffs.active(ana.id)).toMatchObject({ status: "claimed" });
  });

  it("Should text the agent's thread reply to the borrower's phone, and log it as SMS", async () => {
    const before = twilio.messages.length;
    const sent = await sendEvent(slackUrl, {
      type: "message",
      channel: CHANNEL,
      user: AGENT,
      text: "Hi Ana, Maria here. How can I help?",
      ts: "1700000200.000001",
      thread_ts: cardTs,
    });
    expect(sent.status).toBe(200);
    const texted = twilio.messages.slice(before).filter((m) => /Maria here/.test(m.body));
    expect(texted.map((m) => m.to)).toEqual([PHONE]);
    const ana = (await store.borrowers.byRef("B-001"))!;
    const last = (await store.conversation.recent(ana.id, 1))[0];
    expect(last).toMatchObject({ channel: "sms", direction: "outbound", author: `agent:${AGENT}` });
  });

  it("Should put the borrower's next text in the thread instead of the assistant answering", async () => {
    const answer = await text("I lost my job last month");
    expect(answer).toBe("");
    const inThread = await slackApi.waitFor(
      (c) =>
        c.method === "chat.postMessage" &&
        c.args.thread_ts === cardTs &&
        /lost my job/.test(c.args.text),
    );
    expect(inThread.args.text).toBe("👤 Borrower (sms): I lost my job last month");
  });

  it("Should honour STOP during the handoff: confirmed, and the agent's next text is not sent", async () => {
    expect(await text("STOP")).toMatch(/unsubscribed|no more|stop/i);
    const before = twilio.messages.length;
    await sendEvent(slackUrl, {
      type: "message",
      channel: CHANNEL,
      user: AGENT,
      text: "Are you still there?",
      ts: "1700000200.000002",
      thread_ts: cardTs,
    });
    const warning = await slackApi.waitFor(
      (c) =>
        c.method === "chat.postMessage" &&
        c.args.thread_ts === cardTs &&
        /Not delivered/.test(c.args.text),
    );
    expect(warning.args.text).toContain("OPTED_OUT");
    expect(twilio.messages.length).toBe(before);
  });
});
