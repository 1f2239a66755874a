// Sends nudges through the Telegram Bot API (grammY), paced per chat and globally, errors coded.
import { Api, GrammyError, HttpError } from "grammy";
import {
  type ChannelSender,
  type IdentityStore,
  type OutboundNudge,
  type PreparedSend,
  SendError,
} from "../../core/ports/index.ts";
import { createSendRateLimiter, type SendRateLimiter } from "./send-rate-limiter.ts";

export interface TelegramSenderOptions {
  readonly token: string;
  /** Bot API root; tests point it at a local fake. */
  readonly apiRoot?: string;
  /** Where a borrower's chat id comes from: the linked Telegram user id. */
  readonly identities: IdentityStore;
  /** Messages per second across all chats. Default 25 (Telegram allows about 30). */
  readonly globalPerSecond?: number;
  /** Gap between two messages to one chat. Default 1000 ms. */
  readonly perChatIntervalMs?: number;
  /** Give up on one request after this long (its outcome is then unknown). Default 30 s. */
  readonly timeoutSeconds?: number;
  readonly limiter?: SendRateLimiter;
}

/** Failures before the request left this machine: nothing can have been delivered. */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);

function networkCode(error: HttpError): string | undefined {
  const inner = error.error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = inner?.code ?? inner?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

/** Bot API answers as SendErrors: what to do next depends only on `kind` and `reason`. */
export function telegramSendError(error: unknown): SendError {
  if (error instanceof GrammyError) {
    const text = error.description.toLowerCase();
    const code = error.error_code;
    if (code === 429) {
      const wait = error.parameters.retry_after ?? 1;
      return new SendError("rate_limited", "TOO_MANY_REQUESTS", error.description, wait);
    }
    if (code >= 500) return new SendError("transient", `HTTP_${code}`, error.description);
    if (code === 403 && text.includes("blocked")) {
      return new SendError("permanent", "BLOCKED_BY_USER", error.description);
    }
    if (code === 403 && text.includes("deactivated")) {
      return new SendError("permanent", "USER_DEACTIVATED", error.description);
    }
    if (text.includes("chat not found")) {
      return new SendError("permanent", "CHAT_NOT_FOUND", error.description);
    }
    return new SendError("permanent", `HTTP_${code}`, error.description);
  }
  if (error instanceof HttpError) {
    const code = networkCode(error);
    return code !== undefined && NOT_CONNECTED.has(code)
      ? new SendError("transient", code, error.message)
      : new SendError("unknown", code ?? "NETWORK", error.message);
  }
  return new SendError("unknown", "SENDER_ERROR", String((error as Error)?.message ?? error));
}

/**
 * A ChannelSender for Telegram. Does not retry by itself (the dispatcher owns retries, so an
 * ambiguous failure is never retried): a 429 holds the chat off for `retry_after` and is
 * reported as rate_limited. The provider message id is "<chat id>:<message id>".
 *
 * @example
 * const telegram = createTelegramSender({ token, identities: store.identities, globalPerSecond: 25 });
 */
export function createTelegramSender(options: TelegramSenderOptions): ChannelSender {
  const api = new Api(options.token, {
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    timeoutSeconds: options.timeoutSeconds ?? 30,
  });
  const limiter =
    options.limiter ??
    createSendRateLimiter({
      globalPerSecond: options.globalPerSecond ?? 25,
      ...(options.perChatIntervalMs !== undefined
        ? { perChatIntervalMs: options.perChatIntervalMs }
        : {}),
    });
  const prepare = async ({ borrowerId, text }: OutboundNudge): Promise<PreparedSend> => {
    const identity = (await options.identities.forBorrower(borrowerId)).find(
      (candidate) => candidate.channel === "telegram",
    );
    const chatId = Number(identity?.externalId);
    if (!identity || !Number.isSafeInteger(chatId)) {
      throw new SendError("permanent", "NOT_LINKED", "no linked Telegram chat for borrower");
    }
    const chat = String(chatId);
    return {
      async send() {
        await limiter.acquire(chat);
        try {
          const message = await api.sendMessage(chatId, text);
          return { providerMessageId: `${chatId}:${message.message_id}` };
        } catch (error) {
          const failure = telegramSendError(error);
          if (failure.kind === "rate_limited")
            limiter.holdOff(failure.retryAfterSeconds ?? 1, chat);
          throw failure;
        }
      },
    };
  };
  return {
    prepare,
    send: async (message) => (await prepare(message)).send(),
  };
}
