// Settings for running several processes: roles, queue engine, the nudges' share of Telegram, periods.
import { ConfigError } from "../config.ts";
import { type QueueEngine, queueEngineFrom } from "../queue/queue-engine.ts";
import { parseRoles, type Roles } from "./roles.ts";

export interface ScaleConfig {
  readonly roles: Roles;
  readonly queue: QueueEngine;
  /** Nudges per second for the whole cluster (TELEGRAM_NUDGE_RATE, default 20). */
  readonly nudgesPerSecond: number;
  /** A dispatcher's claim lasts this long (REPAY_DISPATCH_LEASE_SECONDS, default 120). */
  readonly leaseSeconds: number;
  /** Dispatch jobs one process runs at once (REPAY_DISPATCH_CONCURRENCY; default: enough for the whole rate). */
  readonly dispatchConcurrency?: number;
  /** A dispatch job sends this long after its start (REPAY_SEND_SLOT_MS; default 3000). */
  readonly sendSlotMs?: number;
  /** Planner period (REPAY_PLAN_EVERY_SECONDS, default 60). */
  readonly planEverySeconds: number;
  /** Cron pattern of the agents' digest (REPAY_SLACK_DIGEST_CRON); default: daily at the digest hour. */
  readonly digestCron?: string;
  /** How long decisions are kept for `repay explain` (REPAY_DECISION_RETENTION_DAYS, default 90). */
  readonly decisionRetentionDays: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function numberIn(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  const value = raw ? Number(raw) : fallback;
  if (!(Number.isFinite(value) && value >= min && value <= max)) {
    throw new ConfigError(name, `must be a number from ${min} to ${max}`);
  }
  return value;
}

/**
 * `role` (from `--role`) wins over REPAY_ROLE. TELEGRAM_NUDGE_RATE must leave replies some of
 * TELEGRAM_GLOBAL_RATE.
 *
 * @example loadScaleConfig(process.env, "dispatcher").roles.has("dispatcher") // true
 */
export function loadScaleConfig(env: Env = process.env, role?: string): ScaleConfig {
  const roles = parseRoles(role ?? env.REPAY_ROLE, role ? "--role" : "REPAY_ROLE");
  const globalRate = Number(env.TELEGRAM_GLOBAL_RATE ?? "25");
  const nudgesPerSecond = numberIn(
    env,
    "TELEGRAM_NUDGE_RATE",
    Math.min(20, globalRate - 1),
    0.1,
    30,
  );
  if (env.TELEGRAM_BOT_TOKEN && nudgesPerSecond >= globalRate) {
    throw new ConfigError(
      "TELEGRAM_NUDGE_RATE",
      `must be below TELEGRAM_GLOBAL_RATE (${globalRate}): replies keep the rest`,
    );
  }
  const digestCron = env.REPAY_SLACK_DIGEST_CRON?.trim() || undefined;
  if (digestCron && !/^[\d*/,\- ]+$/.test(digestCron)) {
    throw new ConfigError("REPAY_SLACK_DIGEST_CRON", "must be a cron pattern like 0 9 * * *");
  }
  return {
    roles,
    queue: queueEngineFrom(env),
    nudgesPerSecond,
    leaseSeconds: numberIn(env, "REPAY_DISPATCH_LEASE_SECONDS", 120, 5, 3_600),
    ...(env.REPAY_DISPATCH_CONCURRENCY?.trim()
      ? { dispatchConcurrency: Math.floor(numberIn(env, "REPAY_DISPATCH_CONCURRENCY", 8, 1, 256)) }
      : {}),
    ...(env.REPAY_SEND_SLOT_MS?.trim()
      ? { sendSlotMs: numberIn(env, "REPAY_SEND_SLOT_MS", 3_000, 100, 60_000) }
      : {}),
    planEverySeconds: numberIn(env, "REPAY_PLAN_EVERY_SECONDS", 60, 1, 86_400),
    ...(digestCron ? { digestCron } : {}),
    decisionRetentionDays: numberIn(env, "REPAY_DECISION_RETENTION_DAYS", 90, 1, 3_650),
  };
}
