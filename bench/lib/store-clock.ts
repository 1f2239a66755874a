// A Store whose every method counts its calls and adds up its wall time: where a pass spends its round trips.
import type { Store } from "../../core/ports/index.ts";

/** Per "part.method": calls and total wall ms (overlapping calls each count in full). */
export type StoreClock = Map<string, { calls: number; ms: number }>;

/** `store` with every method of every part timed into the returned clock. */
export function clockedStore(store: Store): { store: Store; clock: StoreClock } {
  const clock: StoreClock = new Map();
  const wrapped: Record<string, unknown> = {};
  for (const [part, methods] of Object.entries(store)) {
    const timed: Record<string, unknown> = {};
    for (const [name, method] of Object.entries(methods as Record<string, unknown>)) {
      if (typeof method !== "function") {
        timed[name] = method;
        continue;
      }
      const key = `${part}.${name}`;
      timed[name] = async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await method(...args);
        } finally {
          const entry = clock.get(key) ?? { calls: 0, ms: 0 };
          entry.calls += 1;
          entry.ms += performance.now() - started;
          clock.set(key, entry);
        }
      };
    }
    wrapped[part] = timed;
  }
  return { store: wrapped as unknown as Store, clock };
}

/** The clock as JSON-friendly rows, busiest first, ms rounded. */
export function clockSummary(clock: StoreClock): Record<string, { calls: number; ms: number }> {
  return Object.fromEntries(
    [...clock.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([key, { calls, ms }]) => [key, { calls, ms: Math.round(ms) }]),
  );
}
