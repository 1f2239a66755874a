// Starts what is configured: the database (migrated), the lender API, Telegram, and the console chat.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createAssistant } from "../core/assistant/index.ts";
import { isDomainError } from "../core/errors/domain-error.ts";
import { understandWithLlm } from "../core/llm/understand-with-llm.ts";
import { contactProfile } from "../core/policy/index.ts";
import { openDatabase } from "../prisma/database.ts";
import { seedDemoBook } from "../prisma/seed/seed-demo.ts";
import { createPrismaStore } from "../prisma/store/index.ts";
import { assistantTemplates } from "../prompts/index.ts";
import { answerPrompts } from "../prompts/llm/answer.ts";
import { classifyPrompts } from "../prompts/llm/classify.ts";
import { createApiApp } from "./api/app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { runConsoleChat } from "./console/console-chat.ts";
import { llmFromEnv, llmSettings } from "./llm/llm-from-env.ts";
import { createConsoleSender } from "./nudger/console-sender.ts";
import { startNudger } from "./nudger/start-nudger.ts";
import { createTelegramSender } from "./nudger/telegram-sender.ts";
import {
  createSlackApp,
  loadSlackConfig,
  type SlackApp,
  startDigestSchedule,
  telegramDelivery,
} from "./slack/index.ts";
import { createSmsChannel, type SmsChannel } from "./sms/sms-channel.ts";
import { smsSettings } from "./sms/sms-settings.ts";
import { createTelegramBot } from "./telegram/create-telegram-bot.ts";
import { telegramWebhook } from "./telegram/webhook-route.ts";
import { localDate } from "./time/local-date.ts";

const log = (line: string) => console.error(`[repay] ${line}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase();
  log(
    `database: ${db.description}${db.migrationsApplied.length ? ` (applied ${db.migrationsApplied.length} migrations)` : ""}`,
  );
  const store = createPrismaStore(db.prisma);
  if ((await db.prisma.borrower.count()) === 0) {
    const seeded = await seedDemoBook(store, localDate(new Date(), "UTC"));
    log(
      `seeded the demo book: ${seeded.borrowers} borrowers, ${seeded.loans} loans, ${seeded.payments} payments`,
    );
  }
  const llm = llmFromEnv(process.env);
  if (llm) {
    const model = llmSettings(process.env)?.model;
    log(`llm: on (model ${model}); the rules answer first, the model only what they cannot read`);
  }
  const assistant = createAssistant({
    store,
    templates: assistantTemplates,
    lenderName: config.lenderName,
    ...(config.payLink ? { payLink: config.payLink } : {}),
    ...(llm ? { understand: understandWithLlm({ llm, prompts: classifyPrompts }) } : {}),
    ...(llm ? { answer: { llm, prompts: answerPrompts } } : {}),
  });
  const slackConfig = loadSlackConfig();
  const twilioSettings = smsSettings(process.env);

  const app = new Hono();
  if (config.apiToken) {
    app.route(
      "/",
      createApiApp({
        store,
        token: config.apiToken,
        database: db.kind,
        ...(config.telegram?.botUsername
          ? { telegramBotUsername: config.telegram.botUsername }
          : {}),
        log,
      }),
    );
  } else {
    app.get("/healthz", (c) => c.json({ ok: true, database: db.kind }));
    log("lender API off: set REPAY_API_TOKEN to turn it on");
  }

  // SMS: nudges to consented numbers and two-way chat on POST /sms/twilio.
  let sms: SmsChannel | undefined;
  if (twilioSettings) {
    sms = createSmsChannel({
      store,
      assistant,
      lenderName: config.lenderName,
      ...twilioSettings,
      log,
    });
    app.route("/", sms.routes);
    log(`sms: on, Twilio webhooks at ${twilioSettings.publicBaseUrl}/sms/twilio (and /status)`);
  }

  const stops: Array<() => Promise<unknown>> = [];
  // The Slack app and the Telegram bot need each other: handoffs go to Slack, agents' replies to Telegram.
  let slack: SlackApp | undefined;
  if (config.telegram) {
    const bot = createTelegramBot({
      token: config.telegram.token,
      store,
      assistant,
      globalPerSecond: config.telegram.globalPerSecond,
      log,
      onHandoff: async (id) => slack?.postHandoff(id),
      relayToAgent: async (borrowerId, text) =>
        slack ? slack.relayToAgent(borrowerId, text) : false,
      ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}),
      ...(config.payLink ? { payLink: config.payLink } : {}),
    });
    if (config.telegram.webhookUrl && config.telegram.webhookSecret) {
      app.post("/telegram/webhook", telegramWebhook(bot, config.telegram.webhookSecret));
      await bot.api.setWebhook(config.telegram.webhookUrl, {
        secret_token: config.telegram.webhookSecret,
      });
      log("telegram: webhook mode");
    } else {
      void bot.start({ onStart: (me) => log(`telegram: polling as @${me.username}`) });
      stops.push(() => bot.stop());
    }
    if (slackConfig) {
      slack = createSlackApp({
        store,
        ...slackConfig,
        lenderName: config.lenderName,
        sendToBorrower: telegramDelivery(store, bot.api),
        log,
      });
      const { port } = await slack.start(slackConfig.port);
      log(`slack: listening for events on port ${port} (POST /slack/events)`);
      stops.push(
        startDigestSchedule({
          slack,
          timeZone: slackConfig.digestZone,
          hour: slackConfig.digestHour,
          log,
        }),
      );
      stops.push(() => (slack as SlackApp).stop());
    }
  } else if (slackConfig) {
    log("slack: off, it relays to Telegram: set TELEGRAM_BOT_TOKEN too");
  }

  // Nudges: Telegram when configured, else printed in the terminal so the demo shows them.
  const profile = contactProfile(config.contactProfile);
  const real = [
    ...(config.telegram ? ["telegram" as const] : []),
    ...(sms ? ["sms" as const] : []),
  ];
  const channels = real.length > 0 ? real : (["console"] as const);
  const sender = config.telegram
    ? createTelegramSender({
        token: config.telegram.token,
        identities: store.identities,
        // The bot's own replies keep most of Telegram's ~30/s; nudges get the rest.
        globalPerSecond: Math.max(1, Math.floor(config.telegram.globalPerSecond / 5)),
        ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}),
      })
    : createConsoleSender();
  const nudger = startNudger({
    planner: { store, profile, channels },
    dispatcher: {
      store,
      profile,
      channels,
      senders: {
        [config.telegram ? "telegram" : "console"]: sender,
        ...(sms ? { sms: sms.sender } : {}),
      },
      ...(sms ? { formats: { sms: sms.format } } : {}),
      lenderName: config.lenderName,
      ...(config.payLink ? { payLink: config.payLink } : {}),
      // The model may reword a nudge; the guard sends the template whenever it strays.
      ...(llm ? { llm } : {}),
    },
    log,
  });
  stops.unshift(() => nudger.stop());
  log(`nudger: on (${config.contactProfile} contact profile, channels ${channels.join(", ")})`);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: "127.0.0.1" }, (info) =>
    log(`http: listening on 127.0.0.1:${info.port} (/healthz${config.apiToken ? ", /api" : ""})`),
  );
  stops.push(() => new Promise((resolve) => server.close(resolve)));
  stops.push(() => db.close());

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${reason})`);
    for (const stop of stops)
      await stop().catch((error) => log(`while stopping: ${String(error)}`));
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  const chatInTerminal = process.stdin.isTTY || process.env.REPAY_CONSOLE === "1";
  if (!config.telegram && chatInTerminal) {
    await runConsoleChat({ store, assistant, input: process.stdin, output: process.stdout });
    await shutdown("console closed");
  } else if (!config.telegram) {
    log("no TELEGRAM_BOT_TOKEN and no terminal: serving HTTP only (run in a terminal to chat)");
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || isDomainError(error)) {
    log(`cannot start: ${error.message}`);
  } else {
    log(`cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exit(1);
});
