// Which calls fail on purpose: failNext queues per method, then a seeded random failure rate.

import { seededRandom } from "../../../core/intents/classifier/seeded-random.ts";
import { descriptions, TelegramApiError, tooManyRequests } from "./api-error.ts";
import type { ForcedFailure } from "./types.ts";

const defaultDescriptions: Record<ForcedFailure["status"], string> = {
  400: descriptions.badRequest,
  403: descriptions.forbidden,
  429: "",
  500: descriptions.internal,
  502: descriptions.badGateway,
};

export class FailurePlan {
  readonly #queued = new Map<string, TelegramApiError[]>();
  readonly #rate: number;
  readonly #random: () => number;

  constructor(failureRate = 0, seed = 1) {
    this.#rate = failureRate;
    this.#random = seededRandom(seed);
  }

  failNext(method: string, failure: ForcedFailure, times = 1): void {
    const queue = this.#queued.get(method.toLowerCase()) ?? [];
    for (let i = 0; i < times; i++) queue.push(toError(failure));
    this.#queued.set(method.toLowerCase(), queue);
  }

  /** The forced failure for this call of `method`, consuming it. */
  takeForced(method: string): TelegramApiError | undefined {
    return this.#queued.get(method.toLowerCase())?.shift();
  }

  /** A random 429/500/502 with probability `failureRate`, else undefined. */
  drawRandom(): TelegramApiError | undefined {
    if (this.#rate <= 0 || this.#random() >= this.#rate) return undefined;
    const kind = this.#random();
    if (kind < 1 / 3) return tooManyRequests(1);
    if (kind < 2 / 3) return new TelegramApiError(500, descriptions.internal);
    return new TelegramApiError(502, descriptions.badGateway);
  }
}

function toError(failure: ForcedFailure): TelegramApiError {
  if (failure.status === 429) return tooManyRequests(failure.retryAfter);
  return new TelegramApiError(
    failure.status,
    failure.description ?? defaultDescriptions[failure.status],
  );
}
