// Prometheus metrics of one process: nudge decisions by reason, 429s, queue depth, reply latency, planner ticks.
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { NudgeDecisionEvent } from "../../core/policy/index.ts";

export interface ProductMetrics {
  readonly registry: Registry;
  /** Counts a planner or dispatcher decision: sends, deferrals and suppressions by reason. */
  decision(event: NudgeDecisionEvent): void;
  /** A 429 from Telegram, for a nudge or a reply. */
  rateLimited(source: "nudge" | "reply"): void;
  replyLatency(seconds: number): void;
  plannerTick(seconds: number): void;
  /** Where the dispatch queue depth is read from, when there is a queue. */
  setQueueDepth(read: () => Promise<number>): void;
}

/** @example const metrics = createMetrics(); app.get("/metrics", ...registry.metrics()) */
export function createMetrics(): ProductMetrics {
  const registry = new Registry();
  const decisions = new Counter({
    name: "repay_nudge_decisions_total",
    help: "Planner and dispatcher decisions, by stage, outcome and reason code",
    labelNames: ["stage", "decision", "reason"] as const,
    registers: [registry],
  });
  const limited = new Counter({
    name: "repay_telegram_429_total",
    help: "Telegram 429 answers (too many requests), by what was being sent",
    labelNames: ["source"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "repay_reply_latency_seconds",
    help: "From a borrower's Telegram update reaching this process to the bot's answer",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });
  const tick = new Histogram({
    name: "repay_planner_tick_seconds",
    help: "Duration of one planner tick",
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  let readDepth: (() => Promise<number>) | undefined;
  new Gauge({
    name: "repay_dispatch_queue_depth",
    help: "Dispatch jobs waiting, delayed or running, cluster-wide (0 without a queue engine)",
    registers: [registry],
    async collect() {
      this.set(readDepth ? await readDepth().catch(() => Number.NaN) : 0);
    },
  });
  return {
    registry,
    decision(event) {
      const reasons = event.reasons.length > 0 ? event.reasons : ["NONE"];
      for (const reason of reasons) {
        decisions.inc({ stage: event.stage, decision: event.decision, reason });
      }
      if (event.reasons.includes("RATE_LIMITED")) limited.inc({ source: "nudge" });
    },
    rateLimited: (source) => limited.inc({ source }),
    replyLatency: (seconds) => latency.observe(seconds),
    plannerTick: (seconds) => tick.observe(seconds),
    setQueueDepth(read) {
      readDepth = read;
    },
  };
}
