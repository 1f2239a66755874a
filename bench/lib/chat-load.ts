// Concurrent chats that each ask questions in turn over the webhook and time each answer.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import type { FakeTelegram, TelegramUserInput } from "../../test/fakes/telegram-api/index.ts";
import { type WebhookServer, webhookHeaders } from "./webhook-server.ts";

export interface ChatLoadOptions {
  readonly fake: FakeTelegram;
  readonly server: WebhookServer;
  /** One chat per user; every chat runs at once. */
  readonly users: readonly TelegramUserInput[];
  /** The text user sends as their question number `k` (0-based). */
  readonly question: (user: TelegramUserInput, k: number) => string;
  /** Whether a reply answers the question (and is not an error or flood message). */
  readonly isAnswer: (reply: string, question: string) => boolean;
  /** Questions per chat before timing starts (JIT, first getMe, caches). */
  readonly warmup: number;
  /** Timed questions per chat. */
  readonly questions: number;
  /**
   * Least time between two questions of one chat, and between a reply and the next
   * question: keeps each chat under the bot's 1 message/s send throttle and flood guard,
   * so the time measured is processing, not waiting for a throttle.
   */
  readonly gapMs: number;
  readonly replyGapMs: number;
  readonly replyTimeoutMs?: number;
}

export interface ChatLoadResult {
  /** Webhook POST sent -> the fake recorded the chat's sendMessage, one per timed question. */
  readonly latenciesMs: number[];
  /** Replies that were not answers (error text, flood warning) or never came. */
  readonly badReplies: number;
  readonly firstBadReply?: string;
  /** Webhook POSTs that failed in the network (reset, refused): counted, not thrown. */
  readonly connectionErrors: number;
  readonly firstConnectionError?: string;
  /** This process's CPU time (user + system) over the timed questions only, in ms. */
  readonly timedCpuMs: number;
}

let nextUpdateId = 1;

/**
 * Runs every chat at once, each asking `warmup + questions` questions in turn, and times
 * the timed ones from the start of the webhook POST until the fake Telegram recorded the
 * sendMessage to that chat. Every chat finishes its warm-up before the timed questions
 * start, so the CPU time of the timed part (`timedCpuMs`) holds no first-call compiling.
 */
export async function runChatLoad(options: ChatLoadOptions): Promise<ChatLoadResult> {
  const tally: Tally = { latenciesMs: [], badReplies: 0, connectionErrors: 0, timedCpuMs: 0 };
  const paces = options.users.map(() => ({
    lastSend: Number.NEGATIVE_INFINITY,
    lastReply: Number.NEGATIVE_INFINITY,
  }));
  const phase = (from: number, to: number) =>
    Promise.all(options.users.map((user, i) => runChat(user, from, to, paces[i], options, tally)));
  await phase(0, options.warmup);
  const cpuBefore = process.cpuUsage();
  await phase(options.warmup, options.warmup + options.questions);
  const cpu = process.cpuUsage(cpuBefore);
  tally.timedCpuMs = (cpu.user + cpu.system) / 1000;
  return tally;
}

type Tally = { -readonly [K in keyof ChatLoadResult]: ChatLoadResult[K] };

/** When a chat last asked and last got its reply (performance.now() ms). */
interface Pace {
  lastSend: number;
  lastReply: number;
}

async function runChat(
  user: TelegramUserInput,
  from: number,
  to: number,
  pace: Pace | undefined,
  options: ChatLoadOptions,
  result: Tally,
) {
  const { fake, server } = options;
  let lastSend = pace?.lastSend ?? Number.NEGATIVE_INFINITY;
  let lastReply = pace?.lastReply ?? Number.NEGATIVE_INFINITY;
  for (let k = from; k < to; k++) {
    const due = Math.max(lastSend + options.gapMs, lastReply + options.replyGapMs);
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);

    const text = options.question(user, k);
    const update = { update_id: nextUpdateId++, ...fake.userMessage(user, text) };
    const asked = update.message?.message_id ?? 0;
    const body = JSON.stringify(update);
    const replied = fake
      .waitFor(
        (m) => m.method === "sendMessage" && m.chat_id === user.id && m.message_id > asked,
        options.replyTimeoutMs ?? 30_000,
      )
      .then(
        (message) => ({ text: message.text, at: performance.now() }),
        () => undefined,
      );

    const started = performance.now();
    lastSend = started;
    const status = await post(server, body).catch((error: unknown) => {
      result.connectionErrors += 1;
      result.firstConnectionError ??= `chat ${user.id}: ${describe(error)}`;
      return undefined;
    });
    const reply = await replied;
    lastReply = reply?.at ?? performance.now();
    if (pace) Object.assign(pace, { lastSend, lastReply });
    if (status !== 200 || !reply || !options.isAnswer(reply.text, text)) {
      result.badReplies += 1;
      result.firstBadReply ??= `chat ${user.id} asked "${text}": HTTP ${status ?? "none"}, reply ${JSON.stringify(reply?.text ?? null)}`;
      continue;
    }
    if (k >= options.warmup) result.latenciesMs.push(reply.at - started);
  }
}

/** POSTs one update; resolves with the HTTP status once the whole response is read. */
async function post(server: WebhookServer, body: string): Promise<number> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: webhookHeaders(server),
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

/** A fetch failure with its network cause ("fetch failed: ECONNRESET ..."). */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause ? `: ${cause.code ?? ""} ${cause.message ?? ""}`.trimEnd() : "";
  return `${error instanceof Error ? error.message : String(error)}${detail}`;
}
