// Updates waiting for getUpdates: offset confirms, limit caps, one held long poll at a time.
import { descriptions, TelegramApiError } from "./api-error.ts";

const SUPERSEDE_GRACE_MS = 50;

export type QueuedUpdate = { update_id: number } & Record<string, unknown>;

export interface PollRequest {
  offset?: number;
  limit?: number;
  /** How long to hold the request open when nothing is queued, ms. */
  waitMs: number;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

interface ConfirmWaiter {
  readonly updateId: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface HeldPoll {
  wake: () => void;
  supersede: () => void;
}

export class UpdateQueue {
  #pending: QueuedUpdate[] = [];
  #nextId = 1;
  #held: HeldPoll | undefined;
  #closed = false;
  /** The highest offset a poll has sent: every update below it is confirmed. */
  #confirmedBelow = 0;
  readonly #confirmWaiters = new Set<ConfirmWaiter>();

  get pendingCount(): number {
    return this.#pending.length;
  }

  push(update: object): number {
    const given = (update as { update_id?: unknown }).update_id;
    const updateId = typeof given === "number" ? given : this.#nextId;
    this.#nextId = Math.max(this.#nextId, updateId + 1);
    this.#pending.push({ ...update, update_id: updateId });
    this.#pending.sort((a, b) => a.update_id - b.update_id);
    this.#held?.wake();
    return updateId;
  }

  clear(): void {
    this.#pending = [];
  }

  /**
   * Telegram's getUpdates: drops updates below `offset` (confirmed), returns up to `limit`;
   * when none are queued, holds until one is pushed, `waitMs` passes, or the client leaves.
   * A newer poll ends the held one with 409, as two polling bot instances would see.
   */
  async poll(request: PollRequest): Promise<QueuedUpdate[]> {
    this.#held?.supersede();
    const first = this.#take(request);
    if (first.length > 0 || request.waitMs <= 0 || this.#closed) return first;
    await this.#hold(request);
    return this.#take(request);
  }

  /**
   * Resolves once a poll confirms `updateId` (asks for updates past it). A polling bot confirms
   * a batch only after it has handled it, replies included: the sign that it is done.
   */
  confirmed(updateId: number, timeoutMs: number): Promise<void> {
    if (updateId < this.#confirmedBelow) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: ConfirmWaiter = {
        updateId,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#confirmWaiters.delete(waiter);
          reject(
            new Error(`fake Telegram: update ${updateId} not confirmed within ${timeoutMs} ms`),
          );
        }, timeoutMs),
      };
      this.#confirmWaiters.add(waiter);
    });
  }

  /** Releases a held poll with an empty batch, so shutdown never waits on it. */
  close(): void {
    this.#closed = true;
    this.#held?.wake();
    for (const waiter of this.#confirmWaiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error("fake Telegram closed while waiting for a confirmation"));
    }
    this.#confirmWaiters.clear();
  }

  #take({ offset, limit }: PollRequest): QueuedUpdate[] {
    const max = Math.min(100, Math.max(1, limit ?? 100));
    if (offset !== undefined && offset < 0) {
      this.#pending = this.#pending.slice(offset);
    } else if (offset !== undefined && offset > 0) {
      this.#pending = this.#pending.filter((u) => u.update_id >= offset);
      this.#confirm(offset);
    }
    return this.#pending.slice(0, max);
  }

  #confirm(offset: number): void {
    this.#confirmedBelow = Math.max(this.#confirmedBelow, offset);
    for (const waiter of this.#confirmWaiters) {
      if (waiter.updateId >= this.#confirmedBelow) continue;
      clearTimeout(waiter.timer);
      this.#confirmWaiters.delete(waiter);
      waiter.resolve();
    }
  }

  #hold({ waitMs, signal }: PollRequest): Promise<void> {
    return new Promise((resolve, reject) => {
      let timer = setTimeout(() => done(resolve), waitMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        if (this.#held === held) this.#held = undefined;
        settle();
      };
      const onAbort = () => done(resolve);
      const held: HeldPoll = {
        wake: () => done(resolve),
        // grammY's bot.stop() aborts its poll and at once sends a confirming one; give the
        // abort a moment to land so a poll nobody is waiting for is not recorded as a 409.
        supersede: () => {
          if (this.#held === held) this.#held = undefined;
          clearTimeout(timer);
          timer = setTimeout(() => done(() => reject(superseded())), SUPERSEDE_GRACE_MS);
        },
      };
      this.#held = held;
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort);
    });
  }
}

function superseded(): TelegramApiError {
  return new TelegramApiError(409, descriptions.otherGetUpdates);
}
