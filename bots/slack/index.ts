// Public API of the Slack app: build it, configure it from the environment, and wire Telegram delivery.

export { type BorrowerChannels, lastChannelDelivery } from "./borrower-delivery.ts";
export { createSlackApp, type SlackApp } from "./create-slack-app.ts";
export { type DigestScheduleDeps, startDigestSchedule } from "./digest-schedule.ts";
export { telegramDelivery } from "./send-to-borrower.ts";
export { loadSlackConfig, type SlackConfig } from "./slack-config.ts";
export type { BorrowerButton, SendToBorrower, SlackAppDeps } from "./slack-deps.ts";
