// A bot behind the real webhook route, on Hono served by @hono/node-server on 127.0.0.1.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Bot, Context } from "grammy";
import { Hono } from "hono";
import { telegramWebhook } from "../../bots/telegram/webhook-route.ts";

export interface WebhookServer {
  /** POST Telegram updates here with the secret header. */
  readonly url: string;
  readonly secretToken: string;
  close(): Promise<void>;
}

const PATH = "/telegram/webhook";

/**
 * How long an idle keep-alive connection stays open on the server: longer than the load
 * generator's own idle limit (chat-load.ts), so the client always gives up on a socket first.
 * With Node's default (5 s) and the client, server, bot and database sharing one event loop,
 * a loop that falls seconds behind can run a chat's timer (which sends on an idle socket)
 * and the server's idle timer (which closes that socket) in one pass: the request meets a
 * closed socket and the client sees ECONNRESET.
 */
export const SERVER_KEEP_ALIVE_MS = 120_000;

/**
 * Serves `bot` at http://127.0.0.1:<random port>/telegram/webhook, as bots/main.ts does.
 *
 * @example
 * const server = await serveWebhook(bot, "s3cret");
 * await fetch(server.url, { method: "POST", headers: webhookHeaders(server), body });
 */
export async function serveWebhook<C extends Context>(
  bot: Bot<C>,
  secretToken: string,
): Promise<WebhookServer> {
  const app = new Hono();
  app.post(PATH, telegramWebhook(bot, secretToken));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(started),
    );
  });
  if ("keepAliveTimeout" in server) {
    server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
    // Node wants the header timeout above the keep-alive one.
    server.headersTimeout = SERVER_KEEP_ALIVE_MS + 1_000;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${PATH}`,
    secretToken,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}

export function webhookHeaders(server: WebhookServer): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-telegram-bot-api-secret-token": server.secretToken,
  };
}
