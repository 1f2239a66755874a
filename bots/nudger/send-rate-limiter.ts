// Outgoing pacing for one bot: a global token bucket plus a minimum gap per chat.

export interface SendRateLimiterOptions {
  /** Messages per second across all chats (Telegram allows about 30; stay below). */
  readonly globalPerSecond: number;
  /** Messages the global bucket may release at once. Default 1: evenly spaced. */
  readonly burst?: number;
  /** Minimum gap between two messages to one chat. Default 1000 ms (Telegram: 1/s per chat). */
  readonly perChatIntervalMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface SendRateLimiter {
  /** Resolves when one message to `chat` may go; reserves that slot. */
  acquire(chat: string): Promise<void>;
  /** After a 429: nothing to `chat` (or to anyone, when global) until the wait is over. */
  holdOff(seconds: number, chat?: string): void;
}

/**
 * The global bucket holds `burst` tokens refilled at `globalPerSecond`; a chat's next message
 * also waits for its gap. Waiters retry when their wait ends, so the rate holds whatever the
 * concurrency (no strict FIFO among waiters).
 */
export function createSendRateLimiter(options: SendRateLimiterOptions): SendRateLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const gapMs = 1000 / options.globalPerSecond;
  const burst = Math.max(1, options.burst ?? 1);
  const chatGapMs = options.perChatIntervalMs ?? 1000;
  /** With burst 1, the instant the global bucket next has a token. */
  let nextGlobal = 0;
  let holdUntil = 0;
  const nextForChat = new Map<string, number>();

  function prune(at: number): void {
    if (nextForChat.size < 10_000) return;
    for (const [chat, next] of nextForChat) if (next <= at) nextForChat.delete(chat);
  }

  return {
    async acquire(chat) {
      for (;;) {
        const at = now();
        prune(at);
        // Slots are taken at the moment of sending, never reserved ahead: after a stalled
        // event loop the waiters go one gap apart, not all at once.
        const free = Math.max(
          nextForChat.get(chat) ?? 0,
          nextGlobal - (burst - 1) * gapMs,
          holdUntil,
        );
        if (free > at) {
          await sleep(free - at);
          continue;
        }
        nextGlobal = Math.max(nextGlobal, at) + gapMs;
        nextForChat.set(chat, at + chatGapMs);
        return;
      }
    },
    holdOff(seconds, chat) {
      const until = now() + seconds * 1000;
      if (chat === undefined) holdUntil = Math.max(holdUntil, until);
      else nextForChat.set(chat, Math.max(nextForChat.get(chat) ?? 0, until));
    },
  };
}
