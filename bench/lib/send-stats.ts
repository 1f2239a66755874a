// What the fake Telegram saw of a run: deliveries, duplicates, the busiest rolling second, 429s.
import type { RecordedCall } from "../../test/fakes/telegram-api/index.ts";

export interface SendStats {
  readonly delivered: number;
  /** Deliveries past the first to one chat (each borrower has one nudge, one chat). */
  readonly duplicates: number;
  readonly maxInAnyRolling1s: number;
  readonly answered429: number;
  /** From the first to the last delivery, plus one slot at `perSecond`. */
  readonly spanSeconds: number;
}

/** The most timestamps in any window [t, t + 1000 ms). Sorted input. */
export function maxInRollingSecond(times: readonly number[]): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

export function sendStats(calls: readonly RecordedCall[], perSecond: number): SendStats {
  const sends = calls.filter((call) => call.method === "sendMessage");
  const delivered = sends.filter((call) => call.status === 200);
  const perChat = new Map<string, number>();
  for (const call of delivered) {
    const chat = String(call.body.chat_id);
    perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
  }
  const times = sends.map((call) => call.at).sort((a, b) => a - b);
  const deliveredTimes = delivered.map((call) => call.at).sort((a, b) => a - b);
  const first = deliveredTimes[0] ?? 0;
  const last = deliveredTimes.at(-1) ?? 0;
  return {
    delivered: delivered.length,
    duplicates: [...perChat.values()].reduce((sum, count) => sum + count - 1, 0),
    maxInAnyRolling1s: maxInRollingSecond(times),
    answered429: sends.filter((call) => call.status === 429).length,
    spanSeconds: delivered.length > 0 ? (last - first) / 1000 + 1 / perSecond : 0,
  };
}
