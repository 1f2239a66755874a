// Port: delivers one nudge text to a borrower on a channel; failures say whether to retry.
import type { NudgeFacts } from "../nudges/nudge-message.ts";
import type { Channel } from "./identities.ts";

export interface OutboundNudge {
  readonly channel: Channel;
  readonly borrowerId: string;
  readonly text: string;
  /** What the text was rendered from: a sender that writes its own format (email) uses it. */
  readonly facts?: NudgeFacts;
}

export interface ChannelSender {
  /** Sends once, never retrying by itself; throws SendError when it did not (surely) deliver. */
  send(message: OutboundNudge): Promise<{ readonly providerMessageId: string }>;
  /**
   * Optional: does what comes before the provider call (finding the borrower's address), so a
   * caller sending at a set instant (a send slot) is left with the call alone. `send(message)`
   * is `prepare(message)` then its `send()`. Throws SendError as `send` would.
   */
  prepare?(message: OutboundNudge): Promise<PreparedSend>;
}

/** A message ready to go: its `send` is only the provider call. Call it once. */
export interface PreparedSend {
  send(): Promise<{ readonly providerMessageId: string }>;
}

/**
 * - rate_limited: the provider refused for now; nothing was delivered. Retry after the wait.
 * - transient: the provider failed without delivering (5xx, connection refused). Retry soon.
 * - permanent: it will fail again the same way (BLOCKED_BY_USER, CHAT_NOT_FOUND, NOT_LINKED).
 * - unknown: the request may have reached the provider (timeout, reset mid-answer); retrying
 *   could send twice, so an at-most-once caller gives up.
 */
export type SendErrorKind = "rate_limited" | "transient" | "permanent" | "unknown";

export class SendError extends Error {
  readonly code = "SEND_FAILED";

  constructor(
    readonly kind: SendErrorKind,
    /** Stable reason: "BLOCKED_BY_USER", "CHAT_NOT_FOUND", "NOT_LINKED", "HTTP_502", ... */
    readonly reason: string,
    message: string,
    /** For rate_limited: seconds the provider asked us to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "SendError";
  }
}

export function isSendError(error: unknown): error is SendError {
  return error instanceof SendError;
}
