// Sliding windows of accepted sends, keyed (per chat, or one global key), for flood-control 429s.

export class RateWindow {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #sends = new Map<string, number[]>();

  /** `perSecond` may be fractional: 0.5 allows one send per two seconds. */
  constructor(perSecond: number) {
    if (!(perSecond > 0)) throw new RangeError(`rate must be positive, got ${perSecond}`);
    this.#limit = Math.max(1, Math.floor(perSecond));
    this.#windowMs = (this.#limit * 1_000) / perSecond;
  }

  /** Seconds until one more send fits under the limit for `key`, or 0 if it fits now. */
  waitSeconds(key: string, now: number): number {
    const recent = this.#recent(key, now);
    if (recent.length < this.#limit) return 0;
    const oldestThatMustExpire = recent[recent.length - this.#limit]!;
    return (oldestThatMustExpire + this.#windowMs - now) / 1_000;
  }

  record(key: string, now: number): void {
    this.#recent(key, now).push(now);
  }

  #recent(key: string, now: number): number[] {
    const kept = (this.#sends.get(key) ?? []).filter((at) => at > now - this.#windowMs);
    this.#sends.set(key, kept);
    return kept;
  }
}
