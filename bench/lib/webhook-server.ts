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
