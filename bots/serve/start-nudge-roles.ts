// The planner and dispatcher roles: on timers in one process, or as BullMQ jobs shared by the cluster.

import type { Llm } from "../../core/llm/index.ts";
import { contactProfile, type DecisionListener } from "../../core/policy/index.ts";
import type { Store } from "../../core/ports/index.ts";
import type { Config } from "../config.ts";
import type { EmailChannel } from "../email/email-channel.ts";
import { createConsoleSender } from "../nudger/console-sender.ts";
import { createDecisionRecorder } from "../nudger/decision-recorder.ts";
import type { DispatcherDeps } from "../nudger/dispatcher.ts";
import { planTick } from "../nudger/planner.ts";
import { pruneDecisions } from "../nudger/prune-decisions.ts";
import { startNudger } from "../nudger/start-nudger.ts";
import { createTelegramSender } from "../nudger/telegram-sender.ts";
import { type ClusterWork, startClusterWork } from "../queue/start-cluster-work.ts";
import type { SmsChannel } from "../sms/sms-channel.ts";
import type { ProductMetrics } from "./metrics.ts";
import type { ScaleConfig } from "./scale-config.ts";

export interface NudgeRolesDeps {
  readonly config: Config;
  readonly scale: ScaleConfig;
  readonly store: Store;
  readonly llm?: Llm;
  readonly metrics: ProductMetrics;
  readonly onDecision: DecisionListener;
  /** The terminal shows nudges through the decision feed: the console sender prints nothing. */
  readonly quietConsole?: boolean;
  /** SMS through Twilio, when its settings are given. */
  readonly sms?: SmsChannel;
  /** Email over SMTP, when SMTP_URL is given. */
  readonly email?: EmailChannel;
  /** Posts the agents' digest, when this process has the slack role and Slack is configured. */
  readonly digest?: {
    readonly timeZone: string;
    readonly hour: number;
    readonly post: () => Promise<void>;
  };
  readonly log: (line: string) => void;
}

export interface NudgeRoles {
  /** The cluster's queues, when a queue engine carries the work. */
  readonly cluster?: ClusterWork;
  /** Whether this process's planner/dispatcher part is running. */
  live(): boolean;
  stop(): Promise<void>;
}

/**
 * Starts what this process's roles need. Without a queue engine (role all only) both loops run on
 * timers, as `npm start` always did; the digest then keeps its own daily timer (see start-chat-roles).
 */
export async function startNudgeRoles(deps: NudgeRolesDeps): Promise<NudgeRoles> {
  const { config, scale, store, log, metrics } = deps;
  const profile = contactProfile(config.contactProfile);
  const { sms, email } = deps;
  const real = [
    ...(config.telegram ? ["telegram" as const] : []),
    ...(sms ? ["sms" as const] : []),
    ...(email ? ["email" as const] : []),
  ];
  const channels = real.length > 0 ? real : (["console"] as const);
  const sender = config.telegram
    ? createTelegramSender({
        token: config.telegram.token,
        identities: store.identities,
        // One process: this limiter paces the nudges. On a queue engine the send slots do
        // (a send goes within 30 ms of its slot); pacing again here at the nudges' rate would
        // hold a send that follows a late one past its slot, so this only keeps the bot's budget.
        globalPerSecond:
          scale.queue.kind === "none"
            ? scale.nudgesPerSecond
            : Math.max(scale.nudgesPerSecond, config.telegram.globalPerSecond),
        ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}),
      })
    : createConsoleSender(deps.quietConsole ? { write: () => {} } : {});
  // Every decision is recorded (batched, off the sending path) besides the caller's listener.
  const recorder = createDecisionRecorder({
    decisions: store.decisions,
    profile: config.contactProfile,
    onError: (error, dropped) =>
      log(
        `nudger: ${dropped} decision record(s) not written: ${error instanceof Error ? error.message : String(error)}`,
      ),
  });
  const onDecision: DecisionListener = (event) => {
    deps.onDecision(event);
    recorder.onDecision(event);
  };
  const planner = {
    store,
    profile,
    channels,
    onDecision,
  };
  const dispatcher: DispatcherDeps = {
    store,
    profile,
    channels,
    senders: {
      [config.telegram ? "telegram" : "console"]: sender,
      ...(sms ? { sms: sms.sender } : {}),
      ...(email ? { email: email.sender } : {}),
    },
    formats: {
      ...(sms ? { sms: sms.format } : {}),
      ...(email ? { email: email.format } : {}),
    },
    lenderName: config.lenderName,
    leaseSeconds: scale.leaseSeconds,
    onDecision,
    ...(config.payLink ? { payLink: config.payLink } : {}),
    // The model may reword a nudge; the guard sends the template whenever it strays.
    ...(deps.llm ? { llm: deps.llm } : {}),
  };
  // A planner pass, its decisions stored, then the decisions past retention pruned.
  const plan = async (now: string) => {
    const started = Date.now();
    try {
      const result = await planTick(planner, now);
      await recorder.flush();
      await pruneDecisions({ decisions: store.decisions, days: scale.decisionRetentionDays }, now);
      return result;
    } finally {
      metrics.plannerTick((Date.now() - started) / 1000);
    }
  };
  const timedTick = () => plan(new Date().toISOString());

  if (scale.queue.kind === "none") {
    const nudger = startNudger({
      planner,
      dispatcher,
      planEveryMs: scale.planEverySeconds * 1000,
      planTick: plan,
      log,
    });
    log(
      `nudger: on (${config.contactProfile} contact profile, channels ${channels.join(", ")}, in this process)`,
    );
    let stopped = false;
    return {
      live: () => !stopped,
      async stop() {
        stopped = true;
        await nudger.stop();
        await recorder.flush();
      },
    };
  }

  const { roles } = scale;
  const cluster = await startClusterWork({
    engine: scale.queue,
    log,
    periods: store.periods,
    ...(roles.has("planner")
      ? { planner: { everyMs: scale.planEverySeconds * 1000, tick: timedTick } }
      : {}),
    ...(roles.has("dispatcher")
      ? {
          dispatcher: {
            deps: dispatcher,
            perSecond: scale.nudgesPerSecond,
            leaseSeconds: scale.leaseSeconds,
            ...(scale.dispatchConcurrency ? { concurrency: scale.dispatchConcurrency } : {}),
            ...(scale.sendSlotMs ? { slotDelayMs: scale.sendSlotMs } : {}),
          },
        }
      : {}),
    ...(deps.digest
      ? {
          digest: {
            cron: scale.digestCron ?? `0 ${deps.digest.hour} * * *`,
            timeZone: deps.digest.timeZone,
            post: deps.digest.post,
          },
        }
      : {}),
  });
  metrics.setQueueDepth(() => cluster.dispatchDepth());
  log(
    `queue: BullMQ on ${scale.queue.kind === "redis" ? "Redis" : "PostgreSQL"}; nudges at most ${scale.nudgesPerSecond}/s cluster-wide`,
  );
  let stopped = false;
  return {
    cluster,
    live: () => !stopped,
    async stop() {
      stopped = true;
      await cluster.stop();
      await recorder.flush();
    },
  };
}
