// Telegram's send limits kept by the bot: one message a second per chat, 20 a minute per group, a global budget per second.
import type { Transformer } from "grammy";

export interface SendThrottleOptions {
  /** Sends per window across all chats (Telegram allows about 30 a second). */
  readonly globalPerWindow: number;
  /** The global budget's window (ms); default 1000. */
  readonly globalWindowMs?: number;
  /** Least time between the starts of two sends to one chat (ms); default 1000. */
  readonly perChatGapMs?: number;
  /** Sends per minute to one group chat (negative id); default 20. */
  readonly groupPerMinute?: number;
}

/** One chat's sends: one at a time, in order. */
interface Lane {
  tail: Promise<unknown>;
  queued: number;
  nextStart: number;
  windowStart: number;
  windowSent: number;
}

/** A budget of `size` starts per `ms`, refilled whole at each window's end. */
interface Budget {
  windowStart: number;
  used: number;
}

/** Idle chats are forgotten once this many are kept (a group's minute count goes with it). */
const SWEEP_ABOVE = 1_000;

/** Drops every chat with nothing queued whose gap has passed. */
function sweep(lanes: Map<string, Lane>): void {
  const now = Date.now();
  for (const [chat, lane] of lanes) {
    if (lane.queued === 0 && lane.nextStart <= now && now - lane.windowStart >= 60_000) {
      lanes.delete(chat);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The same limits as grammY's apiThrottler (bottleneck) with far less work per send: calls
 * with a `chat_id` go out one at a time per chat, each start at least `perChatGapMs` after the
 * chat's previous one, at most `groupPerMinute` a minute to a group, and every start takes one
 * of `globalPerWindow` per window. Calls without a chat pass straight through. Nothing waits on
 * a timer unless a limit is reached.
 */
export function sendThrottle(options: SendThrottleOptions): Transformer {
  const windowMs = options.globalWindowMs ?? 1000;
  const gapMs = options.perChatGapMs ?? 1000;
  const groupPerMinute = options.groupPerMinute ?? 20;
  const lanes = new Map<string, Lane>();
  const global: Budget = { windowStart: 0, used: 0 };

  /** Waits until `budget` has a start left in its window of `ms`, then takes it. */
  async function take(budget: Budget, size: number, ms: number): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (now - budget.windowStart >= ms) {
        budget.windowStart = now;
        budget.used = 0;
      }
      if (budget.used < size) {
        budget.used += 1;
        return;
      }
      await sleep(budget.windowStart + ms - now);
    }
  }

  async function start(lane: Lane, isGroup: boolean): Promise<void> {
    // A timer may fire a millisecond early: wait again until the gap has really passed.
    for (let wait = lane.nextStart - Date.now(); wait > 0; wait = lane.nextStart - Date.now()) {
      await sleep(wait);
    }
    if (isGroup) {
      const window: Budget = { windowStart: lane.windowStart, used: lane.windowSent };
      await take(window, groupPerMinute, 60_000);
      lane.windowStart = window.windowStart;
      lane.windowSent = window.used;
    }
    await take(global, options.globalPerWindow, windowMs);
    lane.nextStart = Date.now() + gapMs;
  }

  return (prev, method, payload, signal) => {
    const chat = payload && "chat_id" in payload ? String(payload.chat_id) : undefined;
    if (chat === undefined) return prev(method, payload, signal);
    let lane = lanes.get(chat);
    if (!lane) {
      lane = { tail: Promise.resolve(), queued: 0, nextStart: 0, windowStart: 0, windowSent: 0 };
      lanes.set(chat, lane);
    }
    const own = lane;
    own.queued += 1;
    const sent = own.tail.then(async () => {
      await start(own, Number(chat) < 0);
      return prev(method, payload, signal);
    });
    own.tail = sent.then(
      () => undefined,
      () => undefined,
    );
    void own.tail.then(() => {
      own.queued -= 1;
      if (lanes.size > SWEEP_ABOVE) sweep(lanes);
    });
    return sent;
  };
}
