// The Telegram webhook endpoint: secret-token check (401), body check (400), then the bot.
import { createHash, timingSafeEqual } from "node:crypto";
import { type Bot, BotError, type Context } from "grammy";
import type { Handler } from "hono";

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

function same(a: string, b: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function telegramWebhook<C extends Context>(bot: Bot<C>, secretToken: string): Handler {
  let initialised: Promise<void> | undefined;
  return async (c) => {
    if (!same(c.req.header(SECRET_HEADER) ?? "", secretToken)) {
      return c.json(
        { error: { code: "UNAUTHORIZED", message: "wrong or missing secret token" } },
        401,
      );
    }
    let update: unknown;
    try {
      update = await c.req.json();
    } catch {
      return c.json(
        { error: { code: "INVALID_JSON", message: "the body is not valid JSON" } },
        400,
      );
    }
    if (
      update === null ||
      typeof update !== "object" ||
      typeof (update as { update_id?: unknown }).update_id !== "number"
    ) {
      return c.json(
        { error: { code: "INVALID_UPDATE", message: "expected a Telegram Update object" } },
        400,
      );
    }
    initialised ??= bot.init();
    await initialised;
    try {
      await bot.handleUpdate(update as Parameters<Bot<C>["handleUpdate"]>[0]);
    } catch (error) {
      // The bot's own error handler logs it and answers the user; Telegram must not redeliver.
      if (error instanceof BotError) await bot.errorHandler(error as BotError<C>);
      else throw error;
    }
    return c.json({ ok: true });
  };
}
