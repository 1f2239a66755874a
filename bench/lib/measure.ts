// Small measuring helpers for the benches: rates, percentiles, peak RSS and progress lines.
import { performance } from "node:perf_hooks";

/** Peak resident set size of this process so far, in MB with one decimal. */
export function peakRssMb(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

/** Resident set size right now, in MB: for progress lines. */
export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/** `count` per second over `ms`, rounded to a whole number. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count / ms) * 1000) : 0;
}

/** Rounds to `digits` decimals (default 2), for JSON that stays readable. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Runs `work` and returns its result with the wall time it took, in ms. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Nearest-rank percentile (p in 0..100) of samples already sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** p50, p99 and mean of latency samples in ms, rounded to 0.01 ms. */
export function latencySummary(samples: readonly number[]): {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((total, x) => total + x, 0) / Math.max(1, sorted.length);
  return {
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    meanMs: round(mean),
  };
}

/** Progress goes to stderr so stdout carries only the result JSON. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}
