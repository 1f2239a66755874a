// Starts one product process with its roles: database, HTTP (health, metrics, API), Telegram, Slack, nudger.
import { serve } from "@hono/node-server";
import { Api } from "grammy";
import { Hono } from "hono";
import { createAssistant } from "../../core/assistant/index.ts";
import { localDate } from "../../core/dates/index.ts";
import { understandWithLlm } from "../../core/llm/index.ts";
import { noHandoffNotifier } from "../../core/ports/index.ts";
import { openDatabase } from "../../prisma/index.ts";
import { seedDemoBook } from "../../prisma/seed/index.ts";
import { createPrismaStore, prismaContactRecords } from "../../prisma/store/index.ts";
import { assistantTemplates, course } from "../../prompts/index.ts";
import { answerPrompts, classifyPrompts } from "../../prompts/llm/index.ts";
import { createApiApp } from "../api/app.ts";
import { loadConfig } from "../config.ts";
import { runConsoleChat } from "../console/console-chat.ts";
import { createNudgeFeed } from "../console/nudge-feed.ts";
import { feedLine, feedSummary } from "../console/render-feed.ts";
import { mountDashboard } from "../dashboard/mount-dashboard.ts";
import { createEmailChannel, type EmailChannel } from "../email/email-channel.ts";
import { emailSettings } from "../email/email-settings.ts";
import { errorLine } from "../error-line.ts";
import { llmFromEnv, llmSettings } from "../llm/llm-from-env.ts";
import { startReplyShare } from "../queue/reply-share.ts";
import {
  createSlackApp,
  lastChannelDelivery,
  loadSlackConfig,
  type SlackApp,
  startDigestSchedule,
  telegramDelivery,
} from "../slack/index.ts";
import { createSmsChannel, type SmsChannel } from "../sms/sms-channel.ts";
import { smsSettings } from "../sms/sms-settings.ts";
import { agentsLater } from "./agents-later.ts";
import { registerHealth } from "./health.ts";
import { createMetrics } from "./metrics.ts";
import { checkRolesFit, describeRoles, type Role } from "./roles.ts";
import { loadScaleConfig } from "./scale-config.ts";
import { startNudgeRoles } from "./start-nudge-roles.ts";
import { startTelegramRole } from "./start-telegram-role.ts";

export interface Product {
  /** Stops taking work, finishes what it holds, closes the database; then resolves. */
  stop(reason: string): Promise<void>;
}

/**
 * @example const product = await startProduct({ role: "dispatcher", log }); ... await product.stop("SIGTERM");
 */
export async function startProduct(options: {
  role?: string;
  log: (line: string) => void;
  /** The terminal chat hands over a printer that writes above its prompt while it runs. */
  onConsoleNotices?: (print: ((line: string) => void) | undefined) => void;
}): Promise<Product> {
  const { log } = options;
  const config = loadConfig();
  // Checked before the database opens, so a wrong email setting fails fast.
  const smtp = emailSettings(process.env);
  const scale = loadScaleConfig(process.env, options.role);
  const { roles } = scale;
  checkRolesFit(
    roles,
    process.env.DATABASE_URL?.trim() ? "postgres" : "pglite",
    scale.queue.kind,
    options.role ? "--role" : "REPAY_ROLE",
  );
  const db = await openDatabase();
  log(
    `database: ${db.description}${db.migrationsApplied.length ? ` (applied ${db.migrationsApplied.length} migrations)` : ""}; role ${describeRoles(roles)}`,
  );
  const stops: Array<() => Promise<unknown>> = [];
  try {
    return await startRoles();
  } catch (error) {
    // A refused start still closes what it opened, so the data folder is free again.
    for (const stop of stops) await stop().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }

  async function startRoles(): Promise<Product> {
    const store = createPrismaStore(db.prisma);
    if (roles.all && (await db.prisma.borrower.count()) === 0) {
      const seeded = await seedDemoBook(store, localDate(new Date(), "UTC"));
      log(
        `seeded the demo book: ${seeded.borrowers} borrowers, ${seeded.loans} loans, ${seeded.payments} payments`,
      );
    }
    const llm = llmFromEnv(process.env);
    if (llm)
      log(
        `llm: on (model ${llmSettings(process.env)?.model}); the rules answer first, the model only what they cannot read`,
      );
    const assistant = createAssistant({
      store,
      templates: assistantTemplates,
      course,
      lenderName: config.lenderName,
      ...(config.payLink ? { payLink: config.payLink } : {}),
      ...(llm ? { understand: understandWithLlm({ llm, prompts: classifyPrompts }) } : {}),
      ...(llm ? { answer: { llm, prompts: answerPrompts } } : {}),
    });
    const metrics = createMetrics();
    const live: Partial<Record<Role, () => boolean>> = {};
    const app = new Hono();
    registerHealth(app, {
      roles,
      database: db.kind,
      pingDatabase: () => db.prisma.$queryRaw`SELECT 1`,
      live,
      metrics,
    });
    if (roles.has("api") && config.apiToken) {
      const apiApp = createApiApp({
        store,
        token: config.apiToken,
        database: db.kind,
        ...(config.telegram?.botUsername
          ? { telegramBotUsername: config.telegram.botUsername }
          : {}),
        log,
      });
      app.route("/", apiApp);
    } else if (roles.has("api")) {
      log("lender API off: set REPAY_API_TOKEN to turn it on");
    }
    if (roles.has("api")) live.api = () => true;
    const dashboardLine = roles.has("api")
      ? mountDashboard(app, {
          store,
          contactRecords: prismaContactRecords(db.prisma),
          database: db.kind,
          profile: config.contactProfile,
          env: process.env,
        })
      : undefined;

    // SMS: nudges to consented numbers and two-way chat on POST /sms/twilio; a handoff goes to
    // the agents in Slack once that is set up below.
    const twilioSettings = smsSettings(process.env);
    const agents = agentsLater();
    let sms: SmsChannel | undefined;
    if (twilioSettings) {
      sms = createSmsChannel({
        store,
        assistant,
        lenderName: config.lenderName,
        ...twilioSettings,
        handoffs: agents.notifier,
        log,
      });
      if (roles.has("api")) {
        app.route("/", sms.routes);
        log(`sms: on, Twilio webhooks at ${twilioSettings.publicBaseUrl}/sms/twilio (and /status)`);
      }
    }

    // Email: nudges over SMTP, and the unsubscribe link on this server.
    let email: EmailChannel | undefined;
    if (smtp) {
      const channel = createEmailChannel({ store, lenderName: config.lenderName, ...smtp, log });
      email = channel;
      if (roles.has("api")) app.route("/", channel.routes);
      log(
        `email: on, at most ${smtp.maxConnections} SMTP connections; unsubscribe link at ${smtp.publicBaseUrl}/email/unsubscribe`,
      );
    }

    // Slack relays to the borrower's Telegram chat or phone, where they last wrote; the Telegram
    // bot and the SMS webhook (api role) hand chats to Slack. Each may need the other's client.
    const slackConfig = loadSlackConfig();
    const { telegram } = config;
    const slack: SlackApp | undefined =
      slackConfig &&
      (telegram || sms) &&
      (roles.has("slack") || roles.has("telegram") || (sms && roles.has("api")))
        ? createSlackApp({
            store,
            ...slackConfig,
            lenderName: config.lenderName,
            ...(process.env.SLACK_API_URL ? { slackApiUrl: process.env.SLACK_API_URL } : {}),
            sendToBorrower: lastChannelDelivery(store, {
              ...(telegram
                ? {
                    telegram: telegramDelivery(
                      store,
                      new Api(
                        telegram.token,
                        telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {},
                      ),
                    ),
                  }
                : {}),
              ...(sms ? { sms: sms.sender } : {}),
            }),
            log,
          })
        : undefined;
    if (slack) agents.attach(slack);
    if (slackConfig && !telegram && !sms)
      log(
        "slack: off, it relays to Telegram or SMS: set TELEGRAM_BOT_TOKEN or the Twilio settings too",
      );
    const digest =
      slack && slackConfig && roles.has("slack")
        ? {
            timeZone: slackConfig.digestZone,
            hour: slackConfig.digestHour,
            post: () => slack.postDigest({ timeZone: slackConfig.digestZone }),
          }
        : undefined;

    // Without Telegram, nudges are shown in the terminal by borrower ref and name, so the demo shows them.
    const chatInTerminal = process.stdin.isTTY || process.env.REPAY_CONSOLE === "1";
    const feed = config.telegram ? undefined : createNudgeFeed({ borrowers: store.borrowers });
    if (feed && !chatInTerminal) {
      feed.subscribe((batch) => {
        for (const entry of batch) log(feedLine(entry));
        log(feedSummary(batch).replace(" - /nudges to see them", ""));
      });
    }

    const nudging =
      roles.has("planner") || roles.has("dispatcher") || (digest && scale.queue.kind !== "none");
    const nudger = nudging
      ? await startNudgeRoles({
          config,
          scale,
          store,
          ...(llm ? { llm } : {}),
          metrics,
          onDecision: (event) => {
            metrics.decision(event);
            feed?.onDecision(event);
          },
          quietConsole: feed !== undefined,
          ...(sms ? { sms } : {}),
          ...(email ? { email } : {}),
          ...(digest && scale.queue.kind !== "none" ? { digest } : {}),
          log,
        })
      : undefined;
    if (nudger) {
      stops.push(() => nudger.stop());
      // After the nudger: a send in flight finishes on its open connection.
      if (email) stops.push(async () => email?.close());
      if (roles.has("planner")) live.planner = nudger.live;
      if (roles.has("dispatcher")) live.dispatcher = nudger.live;
    }

    if (roles.has("telegram") && config.telegram) {
      const repliesPerSecond = Math.max(1, config.telegram.globalPerSecond - scale.nudgesPerSecond);
      // With a queue engine there may be several telegram processes: they split the replies' rest.
      const replyShare =
        scale.queue.kind === "none"
          ? undefined
          : await startReplyShare({ engine: scale.queue, total: repliesPerSecond, log });
      if (replyShare) stops.push(() => replyShare.stop());
      const telegram = await startTelegramRole({
        telegram: config.telegram,
        config,
        store,
        assistant,
        app,
        repliesPerSecond,
        ...(replyShare ? { replyShare } : {}),
        ...(db.kind === "postgres" && process.env.DATABASE_URL
          ? { databaseUrl: process.env.DATABASE_URL }
          : {}),
        handoffs: slack ?? noHandoffNotifier,
        onRateLimited: (seconds) =>
          void nudger?.cluster?.pauseSends(seconds * 1000).catch(() => {}),
        metrics,
        log,
      });
      stops.push(() => telegram.stop());
      live.telegram = telegram.live;
    } else if (roles.has("telegram")) {
      live.telegram = () => true;
    }

    if (slack && slackConfig && roles.has("slack")) {
      const { port } = await slack.start(slackConfig.port);
      log(`slack: listening for events on port ${port} (POST /slack/events)`);
      if (digest && scale.queue.kind === "none") {
        stops.push(
          startDigestSchedule({
            slack,
            timeZone: slackConfig.digestZone,
            hour: slackConfig.digestHour,
            log,
          }),
        );
      }
      stops.push(() => slack.stop());
    }
    if (roles.has("slack")) live.slack = () => true;

    const server = serve({ fetch: app.fetch, port: config.port, hostname: "127.0.0.1" }, (info) => {
      log(
        `http: listening on 127.0.0.1:${info.port} (/healthz, /metrics${roles.has("api") && config.apiToken ? ", /api" : ""})`,
      );
      if (dashboardLine) log(dashboardLine(info.port));
    });
    stops.push(() => new Promise((resolve) => server.close(resolve)));
    stops.push(() => db.close());

    let stopping: Promise<void> | undefined;
    const product: Product = {
      stop(reason) {
        stopping ??= (async () => {
          log(`stopping (${reason})`);
          for (const stop of stops)
            await stop().catch((error) => log(`while stopping: ${errorLine(error)}`));
          log("stopped");
        })();
        return stopping;
      },
    };

    if (roles.all && !config.telegram && chatInTerminal) {
      void runConsoleChat({
        store,
        assistant,
        input: process.stdin,
        output: process.stdout,
        ...(feed ? { feed } : {}),
        ...(options.onConsoleNotices ? { onNotices: options.onConsoleNotices } : {}),
      }).then(() => product.stop("console closed").then(() => process.exit(0)));
    } else if (roles.all && !config.telegram) {
      log("no TELEGRAM_BOT_TOKEN and no terminal: serving HTTP only (run in a terminal to chat)");
    }
    return product;
  }
}
