// A local Telegram Bot API on node:http that real grammY talks to: records calls, fails on demand.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { descriptions, TelegramApiError } from "./api-error.ts";
import { createFakeState, type FakeState } from "./fake-state.ts";
import { findMethod } from "./methods.ts";
import { readParams } from "./read-params.ts";
import type { FakeTelegram, FakeTelegramOptions, RecordedCall } from "./types.ts";
import { createUpdateBuilders } from "./update-builders.ts";

const DEFAULT_TOKEN = "123456:TEST";
const DEFAULT_WAIT_MS = 3_000;
const ROUTE = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/;
/**
 * Idle keep-alive connections stay open this long, as Telegram's servers keep them. grammY's
 * agent keeps idle sockets with no limit of its own: with Node's default (5 s) a send could
 * go out on a socket the fake was closing at that moment and fail with ECONNRESET (seen in
 * bench:telegram at 50 chats under load). close() still ends every connection.
 */
const KEEP_ALIVE_MS = 120_000;

/**
 * Starts a fake Bot API on 127.0.0.1 (random port). Close it in `afterEach`.
 *
 * @example
 * const telegram = await startFakeTelegram({ blockedChats: [42] });
 * const bot = new Bot(telegram.token, { client: { apiRoot: telegram.apiRoot } });
 * await bot.api.sendMessage(7, "Your installment is due");
 * expect(telegram.sentMessages(7)[0]?.text).toBe("Your installment is due");
 * await telegram.close();
 */
export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? DEFAULT_TOKEN;
  const state = createFakeState(token, options);
  const calls: RecordedCall[] = [];
  const server = createServer((req, res) => {
    void answer(req, res, { token, state, calls });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const builders = createUpdateBuilders(state.chats, state.bot);
  let closing: Promise<void> | undefined;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    sentMessages: (chatId) => state.sent.list(chatId),
    failNext: (method, error, times) => state.failures.failNext(method, error, times),
    pushUpdate(update) {
      const callbackId = (update as { callback_query?: { id?: unknown } }).callback_query?.id;
      if (typeof callbackId === "string") state.openCallbackQueries.add(callbackId);
      return state.updates.push(update);
    },
    ...builders,
    waitFor: (predicate, timeoutMs = DEFAULT_WAIT_MS) => state.sent.waitFor(predicate, timeoutMs),
    handled: (updateId, timeoutMs = DEFAULT_WAIT_MS) =>
      state.updates.confirmed(updateId, timeoutMs),
    get webhook() {
      const { url, secretToken } = state.webhook;
      return {
        ...(url === undefined ? {} : { url }),
        ...(secretToken === undefined ? {} : { secretToken }),
      };
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        state.updates.close();
        state.sent.close();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

interface Served {
  token: string;
  state: FakeState;
  calls: RecordedCall[];
}

async function answer(req: IncomingMessage, res: ServerResponse, served: Served): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const route = ROUTE.exec(url.pathname);
  const call: RecordedCall = {
    method: route?.[2] ?? url.pathname,
    body: {},
    at: Date.now(),
    status: 0,
  };
  served.calls.push(call);
  const clientGone = new AbortController();
  res.on("close", () => clientGone.abort());

  let status = 200;
  let payload: unknown;
  try {
    call.body = await readParams(req, url);
    if (route === null) throw new TelegramApiError(404, descriptions.notFound);
    if (route[1] !== served.token) throw new TelegramApiError(401, descriptions.unauthorized);
    const handler = findMethod(call.method);
    if (handler === undefined) throw new TelegramApiError(404, descriptions.methodNotFound);
    const forced = served.state.failures.takeForced(call.method);
    if (forced !== undefined) throw forced;
    payload = { ok: true, result: await handler(call.body, served.state, clientGone.signal) };
  } catch (error) {
    const failure =
      error instanceof TelegramApiError
        ? error
        : new TelegramApiError(500, `${descriptions.internal}: ${String(error)}`);
    status = failure.status;
    payload = failure.toJSON();
  }

  if (res.destroyed || res.writableEnded) return;
  call.status = status;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(payload));
}
