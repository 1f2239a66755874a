// Public API of the nudger: plan nudges, dispatch them through channel senders, run both on timers.
export { type ConsoleSenderOptions, createConsoleSender } from "./console-sender.ts";
export { type DispatcherDeps, type DispatchTickResult, dispatchTick } from "./dispatcher.ts";
export { type PlannerDeps, type PlanTickResult, planTick } from "./planner.ts";
export { primeNextNudges, scheduleNextNudge } from "./prime.ts";
export { createSendRateLimiter, type SendRateLimiter } from "./send-rate-limiter.ts";
export { type NudgerLoop, type NudgerLoopOptions, startNudger } from "./start-nudger.ts";
export {
  createTelegramSender,
  type TelegramSenderOptions,
  telegramSendError,
} from "./telegram-sender.ts";
