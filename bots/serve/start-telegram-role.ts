// The telegram role: the borrower's bot by webhook (any number of processes) or long polling (one).
import type { Bot } from "grammy";
import type { Hono } from "hono";
import type { Assistant } from "../../core/assistant/index.ts";
import type { HandoffNotifier, Store } from "../../core/ports/index.ts";
import type { Config } from "../config.ts";
import type { ReplyPacer } from "../queue/reply-share.ts";
import { createTelegramBot, type RepayContext } from "../telegram/create-telegram-bot.ts";
import { telegramWebhook } from "../telegram/webhook-route.ts";
import type { ProductMetrics } from "./metrics.ts";
import { isRefusedToken, pollForever, takePollerLock } from "./telegram-polling.ts";

export interface TelegramRoleDeps {
  readonly telegram: NonNullable<Config["telegram"]>;
  readonly config: Config;
  readonly store: Store;
  readonly assistant: Assistant;
  readonly app: Hono;
  /** Replies' share of the bot's budget: TELEGRAM_GLOBAL_RATE less the nudges'. */
  readonly repliesPerSecond: number;
  /** With several processes: paces this one's messages at its part of that share (reply-share.ts). */
  readonly replyShare?: ReplyPacer;
  /** PostgreSQL URL: a second poller on it is refused. None on PGlite (one process anyway). */
  readonly databaseUrl?: string;
  /** The agents' side (Slack when configured): hears of handoffs, takes messages of chats an agent holds. */
  readonly handoffs: HandoffNotifier;
  /** A reply's 429 pauses the cluster's nudges too. */
  readonly onRateLimited: (retryAfterSeconds: number) => void;
  readonly metrics: ProductMetrics;
  readonly log: (line: string) => void;
}

/** Bot API methods that put a message in a chat (what Telegram's per-bot limit counts). */
const SENDS_A_MESSAGE = /^(send|edit|copy|forward)/;

export interface TelegramRole {
  readonly bot: Bot<RepayContext>;
  live(): boolean;
  stop(): Promise<void>;
}

/**
 * Webhook mode when TELEGRAM_WEBHOOK_URL is set; polling otherwise, after taking the cluster's one
 * polling slot (throws a coded TELEGRAM_POLLER_BUSY error when another process holds it).
 */
export async function startTelegramRole(deps: TelegramRoleDeps): Promise<TelegramRole> {
  const { telegram, config, log } = deps;
  const bot = createTelegramBot({
    token: telegram.token,
    store: deps.store,
    assistant: deps.assistant,
    globalPerSecond: deps.repliesPerSecond,
    log,
    handoffs: deps.handoffs,
    ...(telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {}),
    ...(config.payLink ? { payLink: config.payLink } : {}),
  });
  bot.api.config.use(async (previous, method, payload, signal) => {
    const result = await previous(method, payload, signal);
    if (!result.ok && result.error_code === 429) {
      deps.metrics.rateLimited("reply");
      deps.onRateLimited(result.parameters?.retry_after ?? 1);
    }
    return result;
  });
  const share = deps.replyShare;
  if (share) {
    // Every message this process sends counts against the cluster's reply budget.
    bot.api.config.use(async (previous, method, payload, signal) => {
      if (SENDS_A_MESSAGE.test(method)) await share.acquire();
      return previous(method, payload, signal);
    });
  }
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, webhookReply) => {
    const started = Date.now();
    try {
      return await handleUpdate(update, webhookReply);
    } finally {
      deps.metrics.replyLatency((Date.now() - started) / 1000);
    }
  };

  if (telegram.webhookUrl && telegram.webhookSecret) {
    deps.app.post("/telegram/webhook", telegramWebhook(bot, telegram.webhookSecret));
    try {
      await bot.api.setWebhook(telegram.webhookUrl, { secret_token: telegram.webhookSecret });
      log("telegram: webhook mode");
    } catch (error) {
      // Every webhook process sets the same URL; one failing still serves what arrives.
      log(
        `telegram: setWebhook failed (${error instanceof Error ? error.message : String(error)}); serving the webhook anyway`,
      );
    }
    return { bot, live: () => true, stop: async () => {} };
  }

  const lock = deps.databaseUrl
    ? await takePollerLock(deps.databaseUrl, telegram.token)
    : undefined;
  // A token Telegram refuses will never work: stop the start with one line instead of retrying.
  try {
    await bot.init();
  } catch (error) {
    if (isRefusedToken(error)) {
      await lock?.release();
      throw error;
    }
    log(`telegram: cannot reach the Bot API yet (${String(error)}); polling will keep trying`);
  }
  const polling = pollForever(bot, log);
  let stopped = false;
  return {
    bot,
    live: () => !stopped,
    async stop() {
      stopped = true;
      await polling.stop();
      await lock?.release();
    },
  };
}
