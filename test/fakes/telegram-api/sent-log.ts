// Messages the bot got through to users, and promises that wait for a matching one.
import type { SentMessage } from "./types.ts";

interface Waiter {
  predicate: (m: SentMessage) => boolean;
  resolve: (m: SentMessage) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class SentLog {
  readonly #messages: SentMessage[] = [];
  readonly #waiters = new Set<Waiter>();

  add(message: SentMessage): void {
    this.#messages.push(message);
    for (const waiter of this.#waiters) {
      if (waiter.predicate(message)) this.#settle(waiter, () => waiter.resolve(message));
    }
  }

  list(chatId?: number): SentMessage[] {
    return this.#messages.filter((m) => chatId === undefined || m.chat_id === chatId);
  }

  /** Matches already-sent messages first, so a reply that beat the caller is not missed. */
  waitFor(predicate: (m: SentMessage) => boolean, timeoutMs: number): Promise<SentMessage> {
    const already = this.#messages.find(predicate);
    if (already !== undefined) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#settle(waiter, () =>
            reject(new Error(`fake Telegram: no matching message within ${timeoutMs} ms`)),
          );
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  close(): void {
    for (const waiter of this.#waiters) {
      this.#settle(waiter, () => waiter.reject(new Error("fake Telegram closed while waiting")));
    }
  }

  #settle(waiter: Waiter, settle: () => void): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
    settle();
  }
}
