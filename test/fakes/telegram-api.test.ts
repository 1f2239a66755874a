// The fake Telegram Bot API, driven by the real grammY SDK over HTTP.
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, InlineKeyboard } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import {
  type FakeTelegram,
  type FakeTelegramOptions,
  startFakeTelegram,
} from "./telegram-api/index.ts";

const borrower = { id: 501, first_name: "Amina", language_code: "en" };

let telegram: FakeTelegram | undefined;
const bots: Bot[] = [];

afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.isRunning()) await bot.stop();
  await telegram?.close();
  telegram = undefined;
});

async function start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  telegram = await startFakeTelegram(options);
  return telegram;
}

function botFor(fake: FakeTelegram, token = fake.token): Bot {
  const bot = new Bot(token, { client: { apiRoot: fake.apiRoot } });
  bots.push(bot);
  return bot;
}

/** Runs long polling until `until` settles, then stops the bot and waits for the loop to end. */
async function whilePolling<T>(bot: Bot, until: () => Promise<T>): Promise<T> {
  let started!: () => void;
  const onStart = new Promise<void>((resolve) => {
    started = resolve;
  });
  const polling = bot.start({ onStart: () => started() });
  try {
    await onStart;
    return await until();
  } finally {
    await bot.stop();
    await polling;
  }
}

async function rejection(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GrammyError))
    throw new Error(`expected GrammyError, got ${String(error)}`);
  return error;
}

describe("fake Telegram: sending", () => {
  it("Should record bot.api.sendMessage and answer with a Bot API Message", async () => {
    const fake = await start();
    const keyboard = new InlineKeyboard().text("Pay now", "pay");

    const message = await botFor(fake).api.sendMessage(borrower.id, "Installment 3 is due", {
      reply_markup: keyboard,
    });

    expect(message).toMatchObject({
      message_id: 1,
      chat: { id: borrower.id, type: "private" },
      from: { is_bot: true, username: "repayment_test_bot" },
      text: "Installment 3 is due",
      reply_markup: { inline_keyboard: [[{ text: "Pay now", callback_data: "pay" }]] },
    });
    expect(fake.calls.map((c) => [c.method, c.status])).toEqual([["sendMessage", 200]]);
    expect(fake.calls[0]?.body).toMatchObject({
      chat_id: borrower.id,
      text: "Installment 3 is due",
    });
    expect(fake.sentMessages(borrower.id)).toEqual([
      expect.objectContaining({
        method: "sendMessage",
        message_id: 1,
        text: "Installment 3 is due",
      }),
    ]);
  });

  it("Should number messages per chat", async () => {
    const fake = await start();
    const api = botFor(fake).api;

    const ids = [
      (await api.sendMessage(1, "a")).message_id,
      (await api.sendMessage(1, "b")).message_id,
      (await api.sendMessage(2, "c")).message_id,
    ];

    expect(ids).toEqual([1, 2, 1]);
    expect(fake.sentMessages().map((m) => m.chat_id)).toEqual([1, 1, 2]);
  });

  it("Should refuse an edit that changes nothing, as Telegram does", async () => {
    const fake = await start();
    const api = botFor(fake).api;
    const sent = await api.sendMessage(borrower.id, "Balance: 120.00 USD");

    await api.editMessageText(borrower.id, sent.message_id, "Balance: 80.00 USD");
    const unchanged = await rejection(
      api.editMessageText(borrower.id, sent.message_id, "Balance: 80.00 USD"),
    );

    expect(unchanged.error_code).toBe(400);
    expect(unchanged.description).toMatch(/message is not modified/);
    expect(fake.sentMessages(borrower.id).map((m) => [m.method, m.text])).toEqual([
      ["sendMessage", "Balance: 120.00 USD"],
      ["editMessageText", "Balance: 80.00 USD"],
    ]);
  });
});

describe("fake Telegram: long polling", () => {
  it("Should deliver a pushed /start to a polling bot and record its reply", async () => {
    const fake = await start();
    const bot = botFor(fake);
    bot.command("start", (ctx) => ctx.reply(`Hello ${ctx.from?.first_name}`));

    const reply = await whilePolling(bot, async () => {
      fake.pushUpdate(fake.userMessage(borrower, "/start"));
      return fake.waitFor((m) => m.chat_id === borrower.id);
    });

    expect(reply.text).toBe("Hello Amina");
    expect(bot.isRunning()).toBe(false);
    const methods = fake.calls.map((c) => c.method);
    expect(methods).toEqual(expect.arrayContaining(["getMe", "deleteWebhook", "getUpdates"]));
  });

  it("Should round-trip a button press: answer the query and edit the message", async () => {
    const fake = await start();
    const bot = botFor(fake);
    bot.callbackQuery("confirm", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Noted" });
      await ctx.editMessageText("Plan confirmed");
    });
    const offer = await bot.api.sendMessage(borrower.id, "Confirm the plan?", {
      reply_markup: new InlineKeyboard().text("Confirm", "confirm"),
    });

    const edited = await whilePolling(bot, async () => {
      fake.pushUpdate(
        fake.callbackQuery(borrower, "confirm", {
          message_id: offer.message_id,
          chat_id: borrower.id,
        }),
      );
      return fake.waitFor((m) => m.method === "editMessageText");
    });

    expect(edited).toMatchObject({ message_id: offer.message_id, text: "Plan confirmed" });
    const answer = fake.calls.find((c) => c.method === "answerCallbackQuery");
    expect(answer?.status).toBe(200);
  });

  it("Should hand a shared contact to the bot", async () => {
    const fake = await start();
    const bot = botFor(fake);
    bot.on("message:contact", (ctx) => ctx.reply(`Got ${ctx.message.contact.phone_number}`));

    const reply = await whilePolling(bot, async () => {
      fake.pushUpdate(
        fake.contactMessage(borrower, { phone_number: "+15550100", user_id: borrower.id }),
      );
      return fake.waitFor((m) => m.text.startsWith("Got"));
    });

    expect(reply.text).toBe("Got +15550100");
  });

  it("Should mark /commands with bot_command entities", async () => {
    const fake = await start();

    const update = fake.userMessage(borrower, "please /pay@repayment_test_bot now");

    expect(update.message?.entities).toEqual([{ type: "bot_command", offset: 7, length: 23 }]);
  });
});

describe("fake Telegram: failures", () => {
  it("Should let auto-retry recover from a forced 429", async () => {
    const fake = await start();
    const bot = botFor(fake);
    bot.api.config.use(autoRetry());
    fake.failNext("sendMessage", { status: 429, retryAfter: 1 });

    const message = await bot.api.sendMessage(borrower.id, "Reminder: installment due Friday");

    expect(message.text).toBe("Reminder: installment due Friday");
    const sends = fake.calls.filter((c) => c.method === "sendMessage");
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it("Should answer 429 with retry_after when a chat is messaged too fast", async () => {
    const fake = await start({ perChatPerSecond: 1 });
    const api = botFor(fake).api;

    await api.sendMessage(borrower.id, "first");
    const flood = await rejection(api.sendMessage(borrower.id, "second"));
    await api.sendMessage(borrower.id + 1, "another chat is not limited");

    expect(flood.error_code).toBe(429);
    expect(flood.parameters.retry_after).toBe(1);
    expect(fake.sentMessages(borrower.id).map((m) => m.text)).toEqual(["first"]);
  });

  it("Should apply the global limit across chats", async () => {
    const fake = await start({ globalPerSecond: 2 });
    const api = botFor(fake).api;

    await api.sendMessage(1, "a");
    await api.sendMessage(2, "b");
    const flood = await rejection(api.sendMessage(3, "c"));

    expect(flood.error_code).toBe(429);
  });

  it("Should throw GrammyError 403 for a chat that blocked the bot", async () => {
    const fake = await start({ blockedChats: [borrower.id] });

    const blocked = await rejection(botFor(fake).api.sendMessage(borrower.id, "Hello"));

    expect(blocked.error_code).toBe(403);
    expect(blocked.description).toBe("Forbidden: bot was blocked by the user");
    expect(fake.sentMessages()).toEqual([]);
  });

  it("Should throw GrammyError 400 for a chat that does not exist", async () => {
    const fake = await start({ missingChats: [404404] });

    const missing = await rejection(botFor(fake).api.sendMessage(404404, "Hello"));

    expect(missing.error_code).toBe(400);
    expect(missing.description).toBe("Bad Request: chat not found");
  });

  it("Should replay the same random failures for the same seed", async () => {
    const statuses = async () => {
      const fake = await startFakeTelegram({ failureRate: 0.5, seed: 7 });
      const api = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } }).api;
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        codes.push(
          await api.sendMessage(1000 + i, "x").then(
            () => 200,
            (e: GrammyError) => e.error_code,
          ),
        );
      }
      await fake.close();
      return codes;
    };

    const first = await statuses();

    expect(await statuses()).toEqual(first);
    expect(first.some((code) => code !== 200)).toBe(true);
    expect(first.every((code) => [200, 429, 500, 502].includes(code))).toBe(true);
  });

  it("Should answer 401 to another token", async () => {
    const fake = await start();

    const unauthorized = await rejection(botFor(fake, "999:WRONG").api.getMe());

    expect(unauthorized.error_code).toBe(401);
    expect(unauthorized.description).toBe("Unauthorized");
  });
});

describe("fake Telegram: plain HTTP", () => {
  it("Should answer 404 for an unknown method with the Bot API error shape", async () => {
    const fake = await start();

    const response = await fetch(`${fake.apiRoot}/bot${fake.token}/sendTelepathy`, {
      method: "POST",
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      ok: false,
      error_code: 404,
      description: "Not Found: method not found",
    });
  });

  it("Should read urlencoded bodies", async () => {
    const fake = await start();

    const response = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: "77", text: "Paid in full" }),
    });

    expect(response.status).toBe(200);
    expect(fake.sentMessages(77)[0]?.text).toBe("Paid in full");
  });
});

describe("fake Telegram: webhook", () => {
  it("Should keep the webhook set by setWebhook until deleteWebhook", async () => {
    const fake = await start();
    const api = botFor(fake).api;

    await api.setWebhook("https://example.test/telegram", { secret_token: "s3cret" });
    const info = await api.getWebhookInfo();
    const conflict = await rejection(api.getUpdates());
    const whileSet = fake.webhook;
    await api.deleteWebhook();

    expect(whileSet).toEqual({ url: "https://example.test/telegram", secretToken: "s3cret" });
    expect(info.url).toBe("https://example.test/telegram");
    expect(conflict.error_code).toBe(409);
    expect(fake.webhook).toEqual({});
  });
});
