// The borrower's Telegram bot on grammY: linking, commands, buttons, and the assistant behind them.
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type Context, GrammyError, HttpError, Keyboard } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Assistant } from "../../core/assistant/index.ts";
import { liftUnreachable } from "../../core/commands/index.ts";
import type { PayLink } from "../../core/ports/index.ts";
import {
  type Borrower,
  type HandoffNotifier,
  type LoanWithTransactions,
  type Locale,
  noHandoffNotifier,
  type Store,
} from "../../core/ports/index.ts";
import { fill, type TelegramTexts, telegramTexts } from "../../prompts/index.ts";
import { floodGuard } from "./flood-guard.ts";
import { linkByCode, linkByContact } from "./linking.ts";
import { payLinkReply } from "./pay-command.ts";
import { renderReply } from "./render-reply.ts";
import { sendThrottle } from "./send-throttle.ts";

export interface TelegramBotDeps {
  readonly token: string;
  readonly store: Store;
  readonly assistant: Assistant;
  /** Bot API root; tests point it at a local fake. */
  readonly apiRoot?: string;
  /** Skips getMe at start when given. */
  readonly botInfo?: UserFromGetMe;
  readonly payLink?: PayLink;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
  /** Outgoing messages per second across all chats (Telegram allows about 30). */
  readonly globalPerSecond?: number;
  readonly flood?: { readonly maxMessages: number; readonly windowMs: number };
  /** Retries on 429 and 5xx before giving up (default 5). */
  readonly maxRetries?: number;
  /**
   * The agents' side (Slack): told when the assistant hands a chat to a person, and given the
   * borrower's text while an agent holds the chat. Default: none, the assistant always answers.
   */
  readonly handoffs?: HandoffNotifier;
}

const COMMAND_ACTIONS: Readonly<Record<string, string>> = {
  balance: "balance",
  plan: "plan_request",
  stop: "opt_out",
  help: "help",
};

/**
 * grammY's context plus the linked borrower, set for every update past the linking gate, and
 * their active loans read with them for this update (absent once something changed them).
 */
export type RepayContext = Context & {
  borrower?: Borrower;
  activeLoans?: readonly LoanWithTransactions[];
};

export function createTelegramBot(deps: TelegramBotDeps): Bot<RepayContext> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.error(line));
  const handoffs = deps.handoffs ?? noHandoffNotifier;
  const bot = new Bot<RepayContext>(deps.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    ...(deps.apiRoot ? { client: { apiRoot: deps.apiRoot } } : {}),
  });
  bot.api.config.use(sendThrottle({ globalPerWindow: deps.globalPerSecond ?? 25 }));
  bot.api.config.use(autoRetry({ maxRetryAttempts: deps.maxRetries ?? 5, maxDelaySeconds: 120 }));

  const texts = (locale: Locale | undefined): TelegramTexts => telegramTexts[locale ?? "en"];
  const guessLocale = (ctx: Context): Locale =>
    ctx.from?.language_code?.startsWith("zh") ? "zh-CN" : "en";
  const borrowerOf = async (ctx: Context): Promise<Borrower | undefined> => {
    if (!ctx.from) return undefined;
    return deps.store.identities.findBorrower("telegram", String(ctx.from.id));
  };
  const answer = async (
    ctx: RepayContext,
    borrower: Borrower,
    input: { text?: string; action?: string },
  ) => {
    const reply = await deps.assistant.respond({
      borrowerId: borrower.id,
      // Read for this update a moment ago (borrowerOf): the assistant need not read it again.
      borrower,
      ...(ctx.activeLoans ? { activeLoans: ctx.activeLoans } : {}),
      channel: "telegram",
      at: now().toISOString(),
      ...input,
    });
    const { text, keyboard } = renderReply(reply);
    await ctx.reply(text, keyboard ? { reply_markup: keyboard } : {});
    if (reply.handoff) {
      const handoff = await deps.store.handoffs.active(borrower.id);
      if (handoff) {
        await handoffs
          .handoffOpened(handoff.id)
          .catch((error) => log(`telegram: handoff ${handoff.id} not passed on: ${String(error)}`));
      }
    }
  };
  const askToLink = (ctx: Context) => {
    const t = texts(guessLocale(ctx));
    return ctx.reply(t.unlinked, {
      reply_markup: new Keyboard().requestContact(t.shareContactButton).resized().oneTime(),
    });
  };

  bot.use(
    floodGuard<RepayContext>({
      maxMessages: deps.flood?.maxMessages ?? 8,
      windowMs: deps.flood?.windowMs ?? 10_000,
      onLimited: (ctx) => ctx.reply(texts(guessLocale(ctx)).slowDown),
    }),
  );
  // Only private chats: a borrower's numbers never go to a group.
  bot.use(async (ctx, next) => {
    if (ctx.chat && ctx.chat.type !== "private") return;
    await next();
  });

  bot.command("start", async (ctx) => {
    const code = ctx.match.trim();
    if (code) {
      const borrower = await linkByCode(deps.store, String(ctx.from?.id), code, now());
      if (!borrower) return ctx.reply(texts(guessLocale(ctx)).badCode);
      return ctx.reply(fill(texts(borrower.locale).linked, { name: firstName(borrower.name) }), {
        reply_markup: { remove_keyboard: true },
      });
    }
    const borrower = await borrowerOf(ctx);
    return borrower ? answer(ctx, borrower, { action: "greeting" }) : askToLink(ctx);
  });

  bot.on("message:contact", async (ctx) => {
    const contact = ctx.message.contact;
    const t = texts(guessLocale(ctx));
    if (contact.user_id !== ctx.from.id) return ctx.reply(t.contactNotYours);
    const borrower = await linkByContact(
      deps.store,
      String(ctx.from.id),
      contact.phone_number,
      now(),
    );
    if (!borrower) return ctx.reply(t.contactNoMatch, { reply_markup: { remove_keyboard: true } });
    return ctx.reply(fill(texts(borrower.locale).linked, { name: firstName(borrower.name) }), {
      reply_markup: { remove_keyboard: true },
    });
  });

  // Everything below needs a linked borrower; unlinked users only learn how to link.
  bot.use(async (ctx, next) => {
    const at = now().toISOString();
    // Who wrote, their active pauses and their active loans, in one read.
    const found = ctx.from
      ? await deps.store.identities.findBorrowerForMessage("telegram", String(ctx.from.id), at)
      : undefined;
    if (!found) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      await askToLink(ctx);
      return;
    }
    const { borrower, activePauses, activeLoans } = found;
    ctx.borrower = borrower;
    // A borrower who writes to us can be reached again on Telegram.
    const lifted = await liftUnreachable(deps.store, {
      borrowerId: borrower.id,
      channel: "telegram",
      at,
      activePauses,
    });
    // Lifting brings the loans' next look forward: the assistant reads them afresh then.
    if (lifted.length === 0) ctx.activeLoans = activeLoans;
    await next();
  });

  for (const [command, action] of Object.entries(COMMAND_ACTIONS)) {
    bot.command(command, (ctx) => answer(ctx, ctx.borrower as Borrower, { action }));
  }
  bot.command("pay", async (ctx) => {
    const borrower = ctx.borrower as Borrower;
    await ctx.reply(
      await payLinkReply(deps.store, borrower, texts(borrower.locale), now(), deps.payLink),
    );
  });
  bot.command("language", (ctx) =>
    ctx.reply(texts((ctx.borrower as Borrower).locale).chooseLanguage, {
      reply_markup: {
        inline_keyboard: [
          [
            { text: "English", callback_data: "lang:en" },
            { text: "中文", callback_data: "lang:zh-CN" },
          ],
        ],
      },
    }),
  );
  bot.callbackQuery(/^lang:(en|zh-CN)$/, async (ctx) => {
    const borrower = ctx.borrower as Borrower;
    const locale = ctx.match[1] as Locale;
    await deps.store.borrowers.upsert({ ...borrower, locale });
    await ctx.answerCallbackQuery();
    await ctx.reply(texts(locale).languageSet);
  });
  bot.on("callback_query:data", async (ctx) => {
    await ctx.answerCallbackQuery();
    await answer(ctx, ctx.borrower as Borrower, { action: ctx.callbackQuery.data });
  });
  bot.on("message:text", async (ctx) => {
    const borrower = ctx.borrower as Borrower;
    if (await handoffs.relayToAgent(borrower.id, ctx.message.text, "telegram")) return;
    await answer(ctx, borrower, { text: ctx.message.text });
  });
  bot.on("message", (ctx) => answer(ctx, ctx.borrower as Borrower, { text: "" }));

  bot.catch(async (error) => {
    const ctx = error.ctx;
    const cause = error.error;
    const what =
      cause instanceof GrammyError
        ? `Bot API ${cause.method} failed: ${cause.error_code} ${cause.description}`
        : cause instanceof HttpError
          ? `network error talking to Telegram: ${cause.message}`
          : cause instanceof Error
            ? (cause.stack ?? cause.message)
            : String(cause);
    log(
      `telegram: update ${ctx.update.update_id} from user ${ctx.from?.id ?? "?"} failed: ${what}`,
    );
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
      if (ctx.chat) await ctx.reply(texts(guessLocale(ctx)).somethingWrong);
    } catch (replyError) {
      log(
        `telegram: could not tell user ${ctx.from?.id ?? "?"} about the failure: ${String(replyError)}`,
      );
    }
  });
  return bot;
}

function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}
