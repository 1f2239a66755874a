// Incoming flood protection: each Telegram user gets a few messages per window; the rest are dropped.
import type { Context, MiddlewareFn } from "grammy";

export interface FloodGuardOptions<C extends Context> {
  readonly maxMessages: number;
  readonly windowMs: number;
  /** Told once per window when a user goes over. */
  readonly onLimited?: (ctx: C) => Promise<unknown>;
  readonly now?: () => number;
}

export function floodGuard<C extends Context>(options: FloodGuardOptions<C>): MiddlewareFn<C> {
  const now = options.now ?? Date.now;
  const seen = new Map<number, { times: number[]; warned: boolean }>();
  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined) return next();
    const at = now();
    const entry = seen.get(userId) ?? { times: [], warned: false };
    entry.times = entry.times.filter((t) => at - t < options.windowMs);
    if (entry.times.length >= options.maxMessages) {
      if (!entry.warned) {
        entry.warned = true;
        await options.onLimited?.(ctx);
      }
      seen.set(userId, entry);
      return;
    }
    entry.times.push(at);
    if (entry.times.length === 1) entry.warned = false;
    seen.set(userId, entry);
    if (seen.size > 10_000) pruneOld(seen, at, options.windowMs);
    return next();
  };
}

function pruneOld(seen: Map<number, { times: number[] }>, at: number, windowMs: number): void {
  for (const [id, entry] of seen) {
    if (entry.times.every((t) => at - t >= windowMs)) seen.delete(id);
  }
}
