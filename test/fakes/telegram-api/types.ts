// Public shapes of the fake Telegram Bot API: options, recorded calls, sent messages, the handle.
import type { Update } from "grammy/types";

export interface FakeTelegramOptions {
  /** Accepted bot token; requests with any other token get 401. Default "123456:TEST". */
  token?: string;
  /** Username getMe reports. Default "repayment_test_bot". */
  botUsername?: string;
  /** sendMessage to one chat faster than this answers 429 with retry_after. */
  perChatPerSecond?: number;
  /** sendMessage across all chats faster than this answers 429 with retry_after. */
  globalPerSecond?: number;
  /** 0..1: share of sendMessage calls that fail at random with 429 (retry_after 1), 500 or 502. */
  failureRate?: number;
  /** Seed for `failureRate`, so a flaky run replays exactly. Default 1. */
  seed?: number;
  /** sendMessage to these chats answers 403 "Forbidden: bot was blocked by the user". */
  blockedChats?: number[];
  /** sendMessage to these chats answers 400 "Bad Request: chat not found". */
  missingChats?: number[];
}

/** One HTTP request to the fake, in arrival order. */
export interface RecordedCall {
  method: string;
  /** Parameters from the JSON, urlencoded or multipart body (and query string). */
  body: Record<string, unknown>;
  /** Arrival time, ms since the epoch. */
  at: number;
  /** HTTP status answered; 0 while a long poll is still held or if the client went away first. */
  status: number;
}

/** A message the bot successfully sent or edited, as the user would now see it. */
export interface SentMessage {
  method: "sendMessage" | "editMessageText";
  message_id: number;
  chat_id: number;
  text: string;
  /** Whatever reply_markup the bot sent (inline or reply keyboard), parsed. */
  reply_markup?: unknown;
  /** ms since the epoch. */
  at: number;
}

/** Forced outcome for the next call(s) of one method. */
export type ForcedFailure =
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 400 | 403; description?: string };

/** The user side of a private chat, as update builders take it. */
export interface TelegramUserInput {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface SharedContact {
  phone_number: string;
  user_id?: number;
  first_name?: string;
  last_name?: string;
}

/** An update not yet numbered; pushUpdate assigns update_id. */
export type UpdateWithoutId = Omit<Update, "update_id">;

export interface FakeTelegram {
  /** Pass as `new Bot(token, { client: { apiRoot } })`. No trailing slash. */
  apiRoot: string;
  token: string;
  calls: RecordedCall[];
  sentMessages(chatId?: number): SentMessage[];
  failNext(method: string, error: ForcedFailure, times?: number): void;
  /** Queues an update for getUpdates; assigns update_id if missing and returns it. */
  pushUpdate(update: object): number;
  userMessage(from: TelegramUserInput, text: string): UpdateWithoutId;
  callbackQuery(
    from: TelegramUserInput,
    data: string,
    message?: { message_id: number; chat_id: number },
  ): UpdateWithoutId;
  contactMessage(from: TelegramUserInput, contact: SharedContact): UpdateWithoutId;
  /** Resolves with the first sent message matching, including ones sent before the call. */
  waitFor(predicate: (m: SentMessage) => boolean, timeoutMs?: number): Promise<SentMessage>;
  /**
   * Resolves once the polling bot asks for updates past `updateId`: grammY confirms a batch only
   * after handling it, so whatever it was going to send for that update has been sent.
   */
  handled(updateId: number, timeoutMs?: number): Promise<void>;
  /** Set by setWebhook, cleared by deleteWebhook. */
  webhook: { url?: string; secretToken?: string };
  close(): Promise<void>;
}
