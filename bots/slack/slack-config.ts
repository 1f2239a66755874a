// Reads the Slack app's settings from environment variables; the app is off without a token and secret.
export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret: string;
  readonly agents: readonly string[];
  readonly collectionsChannel: string;
  readonly maxWaiver: string;
  readonly port: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Undefined when SLACK_BOT_TOKEN or SLACK_SIGNING_SECRET is unset; throws on a malformed value. */
export function loadSlackConfig(env: Env = process.env): SlackConfig | undefined {
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  if (!botToken || !signingSecret) return undefined;
  const agents = (env.REPAY_SLACK_AGENTS ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  const maxWaiver = env.REPAY_SLACK_MAX_WAIVER?.trim() || "50.00";
  if (!/^\d{1,9}(\.\d{1,3})?$/.test(maxWaiver)) {
    throw new Error("REPAY_SLACK_MAX_WAIVER: must be a decimal amount like 50.00");
  }
  const port = Number(env.SLACK_PORT ?? "3001");
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error("SLACK_PORT: must be a port number");
  }
  return {
    botToken,
    signingSecret,
    agents,
    collectionsChannel: env.REPAY_SLACK_CHANNEL?.trim() || "collections",
    maxWaiver,
    port,
  };
}
