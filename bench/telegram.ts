// Telegram latency: webhook update -> sendMessage for balance questions, the real bot vs a bare echo bot.
//   npm run bench:telegram                          50 chats, 10 timed questions each
//   npm run bench:telegram -- --chats 20 --questions 5
//   npm run bench:telegram -- --cpu-prof replies   writes replies-<database>.cpuprofile (repay runs)
//
// Both bots sit behind the real webhook route (Hono on @hono/node-server, 127.0.0.1) and
// talk to the fake Bot API (test/fakes/telegram-api); the repayment bot runs the assistant
// over the Prisma store on in-memory PGlite (the top-level fields), then on PostgreSQL
// (`postgres`: a throwaway database on TEST_POSTGRES_URL, else DATABASE_URL, dropped after;
// skipped without either), each next to an echo run of its own. Every chat runs at once:
// each asks one untimed warm-up question, then --questions timed ones in turn. A question waits at least
// --gap-ms after the chat's previous question and 1.1 s after its previous reply, so the
// bot's 1 message/s per-chat send throttle and its flood guard (8 messages per 10 s) never
// hold a reply back; the global send budget is raised for the same reason. What is timed
// is POST start until the fake records the sendMessage to that chat: processing, plus
// waiting behind other chats' turns, since all chats start together and load generator,
// web server, bot, database and fake share one process (one event loop; PGlite's database
// work too, PostgreSQL's runs in its own server). cpuMsPerRequest is that process's CPU
// time per request, warm-up included; cpuMsPerTimedTurn counts only the timed questions,
// after every chat's warm-up: the cost of one warm turn (ratioCpuTimed compares those).
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Bot, type Context } from "grammy";
import { createTelegramBot } from "../bots/telegram/create-telegram-bot.ts";
import { createAssistant } from "../core/assistant/index.ts";
import { createPrismaStore } from "../prisma/store/index.ts";
import { assistantTemplates } from "../prompts/index.ts";
import { telegramTexts } from "../prompts/telegram.ts";
import {
  type FakeTelegram,
  startFakeTelegram,
  type TelegramUserInput,
} from "../test/fakes/telegram-api/index.ts";
import { type BenchTarget, pgliteTarget, postgresTarget } from "./lib/bench-databases.ts";
import { type ChatLoadResult, runChatLoad } from "./lib/chat-load.ts";
import { positiveInt } from "./lib/cli-args.ts";
import { profiled } from "./lib/cpu-profile.ts";
import { type LinkedBorrower, linkedBorrowers } from "./lib/linked-borrowers.ts";
import { latencySummary, peakRssMb, progress, round } from "./lib/measure.ts";
import { countedStatements } from "./lib/statement-count.ts";
import { clockedStore, clockSummary } from "./lib/store-clock.ts";
import { serveWebhook } from "./lib/webhook-server.ts";
import { seededRandom } from "./prng.ts";

const { values } = parseArgs({
  options: {
    chats: { type: "string", default: "50" },
    questions: { type: "string", default: "10" },
    "gap-ms": { type: "string", default: "1300" },
    seed: { type: "string", default: "20260115" },
    /** A file name prefix: each repay run is profiled to <prefix>-<database>.cpuprofile. */
    "cpu-prof": { type: "string" },
  },
});
const chatCount = positiveInt("chats", values.chats);
const questionCount = positiveInt("questions", values.questions);
const gapMs = positiveInt("gap-ms", values["gap-ms"]);
const seed = positiveInt("seed", values.seed);
const REPLY_GAP_MS = 1_100;
const WARMUP = 1;

const QUESTIONS = {
  en: [
    "how much do I owe?",
    "what's my balance?",
    "balance",
    "how much is left on my loan?",
    "what do I still owe?",
  ],
  "zh-CN": ["我还欠多少？", "余额", "还剩多少钱", "查一下我的欠款"],
} as const;

/** Replies the bot gives instead of an answer. */
const NOT_ANSWERS: ReadonlySet<string> = new Set(
  Object.values(telegramTexts).flatMap((t) => [t.somethingWrong, t.slowDown, t.unlinked]),
);

const wallStart = performance.now();

interface Measured extends ChatLoadResult {
  readonly cpuMsPerRequest: number;
  readonly cpuMsPerTimedTurn: number;
}

async function measure<C extends Context>(
  label: string,
  users: readonly TelegramUserInput[],
  question: (user: TelegramUserInput, k: number) => string,
  makeBot: (fake: FakeTelegram) => Bot<C>,
  isAnswer: (reply: string, asked: string) => boolean,
): Promise<Measured> {
  const fake = await startFakeTelegram();
  const server = await serveWebhook(makeBot(fake), "bench-secret");
  try {
    progress(`${label}: ${users.length} chats x (${WARMUP} warm-up + ${questionCount}) questions`);
    const cpuBefore = process.cpuUsage();
    const result = await runChatLoad({
      fake,
      server,
      users,
      question,
      isAnswer,
      warmup: WARMUP,
      questions: questionCount,
      gapMs,
      replyGapMs: REPLY_GAP_MS,
    });
    if (result.badReplies > 0) {
      progress(`${label}: ${result.badReplies} bad replies; first: ${result.firstBadReply}`);
    }
    if (result.connectionErrors > 0) {
      progress(
        `${label}: ${result.connectionErrors} failed POSTs; first: ${result.firstConnectionError}`,
      );
    }
    const cpu = process.cpuUsage(cpuBefore);
    const requests = users.length * (WARMUP + questionCount);
    return {
      ...result,
      cpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / requests),
      cpuMsPerTimedTurn: round(result.timedCpuMs / (users.length * questionCount)),
    };
  } finally {
    await server.close();
    await fake.close();
  }
}

/** The repayment bot on `target`'s database against an echo bot measured right after it. */
async function benchDatabase(target: BenchTarget) {
  const random = seededRandom(seed);
  const now = new Date();
  const { db, dispose } = await target.open();
  try {
    progress(`${target.kind}: importing and linking ${chatCount} borrowers`);
    const borrowers = await linkedBorrowers(createPrismaStore(db.prisma), random, chatCount, now);
    // The bot's statements are counted too: concurrent turns may share one (batched calls).
    const statements = countedStatements(db.prisma);
    const store = createPrismaStore(statements.prisma);
    const byId = new Map<number, LinkedBorrower>(borrowers.map((b) => [b.telegramId, b]));
    const users: TelegramUserInput[] = borrowers.map((b) => ({
      id: b.telegramId,
      first_name: `Borrower${b.telegramId}`,
      language_code: b.locale === "zh-CN" ? "zh-hans" : "en",
    }));
    const question = (user: TelegramUserInput, k: number): string => {
      const texts = QUESTIONS[byId.get(user.id)?.locale ?? "en"];
      return texts[(user.id + k) % texts.length] as string;
    };

    // The bot's store calls are counted (round trips at the store's level, per turn below).
    const clocked = clockedStore(store);
    const profileFile = values["cpu-prof"] && `${values["cpu-prof"]}-${target.kind}.cpuprofile`;
    const repay = await profiled(profileFile, () =>
      measure(
        `${target.kind} repay`,
        users,
        question,
        (fake) =>
          createTelegramBot({
            token: fake.token,
            apiRoot: fake.apiRoot,
            store: clocked.store,
            assistant: createAssistant({
              store: clocked.store,
              templates: assistantTemplates,
              lenderName: "Acme Lending",
            }),
            // The global budget (default 25/s) would queue a 50-chat burst: not what is measured.
            globalPerSecond: 10_000,
            log: progress,
          }),
        (reply) => !NOT_ANSWERS.has(reply) && /\d/.test(reply),
      ),
    );
    const echo = await measure(
      `${target.kind} echo`,
      users,
      question,
      (fake) => {
        const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
        bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
        return bot;
      },
      (reply, asked) => reply === asked,
    );

    const turns = chatCount * (WARMUP + questionCount);
    const storeCalls = [...clocked.clock.values()].reduce((total, entry) => total + entry.calls, 0);
    const repayLatency = {
      ...latencySummary(repay.latenciesMs),
      cpuMsPerRequest: repay.cpuMsPerRequest,
      cpuMsPerTimedTurn: repay.cpuMsPerTimedTurn,
      storeCallsPerTurn: round(storeCalls / turns, 1),
      statementsPerTurn: round(statements.count() / turns, 2),
    };
    const echoLatency = {
      ...latencySummary(echo.latenciesMs),
      cpuMsPerRequest: echo.cpuMsPerRequest,
      cpuMsPerTimedTurn: echo.cpuMsPerTimedTurn,
    };
    return {
      database: target.kind,
      chats: chatCount,
      requests: repay.latenciesMs.length,
      repay: repayLatency,
      echo: echoLatency,
      ratioP50: round(repayLatency.p50Ms / echoLatency.p50Ms),
      ratioP99: round(repayLatency.p99Ms / echoLatency.p99Ms),
      ratioCpu: round(repayLatency.cpuMsPerRequest / echoLatency.cpuMsPerRequest),
      ratioCpuTimed: round(repayLatency.cpuMsPerTimedTurn / echoLatency.cpuMsPerTimedTurn),
      storeCalls: clockSummary(clocked.clock),
      echoRequests: echo.latenciesMs.length,
      badReplies: { repay: repay.badReplies, echo: echo.badReplies },
      connectionErrors: { repay: repay.connectionErrors, echo: echo.connectionErrors },
    };
  } finally {
    await dispose();
  }
}

const pglite = await benchDatabase(pgliteTarget);
const postgres = await postgresTarget();
const onPostgres =
  "skipped" in postgres ? { skipped: postgres.skipped } : await benchDatabase(postgres);
process.stdout.write(
  `${JSON.stringify({
    ...pglite,
    postgres: onPostgres,
    peakRssMb: peakRssMb(),
    questionsPerChat: questionCount,
    warmupPerChat: WARMUP,
    gapMs,
    node: process.version,
    seed,
    wallSec: round((performance.now() - wallStart) / 1000, 1),
  })}\n`,
);
