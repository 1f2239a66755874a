// Test helpers for the Slack app: a running app against the fake Web API, and Slack-signed requests to it.
import { createHmac } from "node:crypto";
import { createSlackApp, type SlackApp } from "../../bots/slack/index.ts";
import type { SendToBorrower } from "../../bots/slack/slack-deps.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import type { FakeSlack } from "../fakes/slack-api/index.ts";
import { anaLoan } from "../helpers/api.ts";

export const SIGNING_SECRET = "test-signing-secret-0123456789";
export const AGENT = "UAGENT01";
export const OTHER_AGENT = "UAGENT02";
export const STRANGER = "USTRANGER";
export const CHANNEL = "CCOLLECT";

export async function startSlackApp(
  store: Store,
  fake: FakeSlack,
  options: { now: () => Date; sendToBorrower?: SendToBorrower; log?: string[] },
): Promise<{ slack: SlackApp; url: string }> {
  const slack = createSlackApp({
    store,
    signingSecret: SIGNING_SECRET,
    botToken: fake.token,
    slackApiUrl: fake.apiUrl,
    agents: [AGENT, OTHER_AGENT],
    collectionsChannel: CHANNEL,
    sendToBorrower: options.sendToBorrower ?? (async () => "telegram"),
    lenderName: "Acme Lending",
    maxWaiver: "50.00",
    now: options.now,
    log: (line) => options.log?.push(line),
  });
  const { port } = await slack.start(0);
  return { slack, url: `http://127.0.0.1:${port}/slack/events` };
}

/** Posts `body` with Slack's v0 signature; `timestamp` and `secret` can be spoiled on purpose. */
export function signedPost(
  url: string,
  body: string,
  contentType: string,
  options: { timestamp?: number; secret?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", options.secret ?? SIGNING_SECRET)
    .update(`v0:${ts}:${body}`)
    .digest("hex")}`;
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": signature,
      ...options.headers,
    },
    body,
  });
}

const FORM = "application/x-www-form-urlencoded";

export function slashCommand(
  url: string,
  user: string,
  text: string,
  options?: { timestamp?: number; secret?: string },
) {
  const body = new URLSearchParams({
    token: "legacy",
    team_id: "TFAKE",
    channel_id: CHANNEL,
    user_id: user,
    user_name: user.toLowerCase(),
    command: "/repay",
    text,
    api_app_id: "AFAKE",
    response_url: "http://127.0.0.1:9/never",
    trigger_id: `trigger-${Date.now()}`,
  }).toString();
  return signedPost(url, body, FORM, options);
}

function interactive(url: string, payload: unknown) {
  return signedPost(
    url,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    FORM,
  );
}

/** A button press on a message in the collections channel (ephemeral card, or the handoff card at `messageTs`). */
export function pressButton(
  url: string,
  user: string,
  actionId: string,
  value: string,
  messageTs = "1700000000.000001",
) {
  return interactive(url, {
    type: "block_actions",
    team: { id: "TFAKE" },
    user: { id: user },
    api_app_id: "AFAKE",
    trigger_id: `trigger-${actionId}`,
    channel: { id: CHANNEL },
    container: { type: "message", message_ts: messageTs, channel_id: CHANNEL },
    message: { ts: messageTs, text: "card" },
    actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1" }],
  });
}

/** Submits a modal the app opened: `values` maps block id to a typed text or a picked option. */
export function submitView(
  url: string,
  user: string,
  opened: { callback_id: string; private_metadata: string },
  values: Record<string, { text: string } | { option: string }>,
  viewId = `V${Math.random().toString(36).slice(2)}`,
) {
  const state = Object.fromEntries(
    Object.entries(values).map(([block, v]) => [
      block,
      {
        value:
          "text" in v
            ? { type: "plain_text_input", value: v.text }
            : { type: "static_select", selected_option: { value: v.option } },
      },
    ]),
  );
  return interactive(url, {
    type: "view_submission",
    team: { id: "TFAKE" },
    user: { id: user },
    api_app_id: "AFAKE",
    view: {
      id: viewId,
      type: "modal",
      callback_id: opened.callback_id,
      private_metadata: opened.private_metadata,
      state: { values: state },
    },
  });
}

/** An Events API callback; `eventId` and `retryNum` send one again as Slack's retries do. */
export function sendEvent(
  url: string,
  event: Record<string, unknown>,
  delivery: { eventId?: string; retryNum?: number } = {},
) {
  const body = JSON.stringify({
    token: "legacy",
    team_id: "TFAKE",
    api_app_id: "AFAKE",
    type: "event_callback",
    event_id: delivery.eventId ?? `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
  const retry: Record<string, string> =
    delivery.retryNum === undefined
      ? {}
      : { "x-slack-retry-num": String(delivery.retryNum), "x-slack-retry-reason": "http_timeout" };
  return signedPost(url, body, "application/json", { headers: retry });
}

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON in assertions
export function blocksText(blocks: any[]): string {
  return JSON.stringify(blocks);
}

/** The value of the button `actionId` in a card's blocks (action rows and section accessories). */
// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
export function buttonValue(blocks: any[], actionId: string): string {
  for (const block of blocks) {
    for (const element of [
      ...(block.elements ?? []),
      ...(block.accessory ? [block.accessory] : []),
    ]) {
      if (element.action_id === actionId) return element.value;
    }
  }
  throw new Error(`no ${actionId} button`);
}

/** Ana's loan's twin for a second borrower: same terms, other refs and phone. */
export function loanRow(
  borrowerRef: string,
  borrowerName: string,
  phone: string,
  overrides: Partial<typeof anaLoan> = {},
): typeof anaLoan {
  return {
    ...anaLoan,
    borrowerRef,
    borrowerName,
    phone,
    loanRef: `L-${borrowerRef.slice(2)}`,
    ...overrides,
  };
}

/** A store for one test file, and how to dispose of it. */
export interface StoreUnderTest {
  readonly store: Store;
  close(): Promise<void>;
}

export async function memoryStore(): Promise<StoreUnderTest> {
  return { store: createMemoryStore(), close: async () => {} };
}

/** The Prisma store on an in-memory PGlite, migrated: the app on the real store. */
export async function pgliteStore(): Promise<StoreUnderTest> {
  const db = await openDatabase({ memory: true });
  return { store: createPrismaStore(db.prisma), close: () => db.close() };
}
