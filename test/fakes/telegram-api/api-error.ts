// Bot API failures as the fake raises them: one class, serialised as {ok:false, error_code, description}.

/** Descriptions copied from what the real Bot API answers, so adapters can match on them. */
export const descriptions = {
  unauthorized: "Unauthorized",
  notFound: "Not Found",
  methodNotFound: "Not Found: method not found",
  blocked: "Forbidden: bot was blocked by the user",
  chatNotFound: "Bad Request: chat not found",
  chatIdEmpty: "Bad Request: chat_id is empty",
  textEmpty: "Bad Request: message text is empty",
  messageToEditNotFound: "Bad Request: message to edit not found",
  messageNotModified:
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  queryTooOld: "Bad Request: query is too old and response timeout expired or query ID is invalid",
  webhookActive:
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  otherGetUpdates:
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
  badRequest: "Bad Request",
  forbidden: "Forbidden",
  internal: "Internal Server Error",
  badGateway: "Bad Gateway",
} as const;

/** A failed Bot API call; `status` is both the HTTP status and `error_code`. */
export class TelegramApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(`${status}: ${description}`);
    this.name = "TelegramApiError";
  }

  toJSON() {
    return {
      ok: false,
      error_code: this.status,
      description: this.description,
      ...(this.retryAfter === undefined ? {} : { parameters: { retry_after: this.retryAfter } }),
    };
  }
}

/** 429 as Telegram sends it: whole seconds, never below one. */
export function tooManyRequests(retryAfterSeconds: number): TelegramApiError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  return new TelegramApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
}

export function badRequest(description: string): TelegramApiError {
  return new TelegramApiError(400, description);
}
