// Reads the Slack app's settings from environment variables; the app is off without a token and secret.
import { IANAZone } from "luxon";
import { parseWaiverCaps } from "../../core/waivers/index.ts";
import { ConfigError } from "../config.ts";

export interface SlackConfig {
  readonly botToken: string;
  /** SLACK_APP_TOKEN: Socket Mode for local use. */
  readonly appToken?: string;
  readonly signingSecret: string;
  readonly agents: readonly string[];
  readonly collectionsChannel: string;
  /** REPAY_SLACK_MAX_WAIVER as given ("" for the defaults); validated here. */
  readonly maxWaiver: string;
  readonly port: number;
  /** IANA zone of the daily digest's hour (REPAY_SLACK_DIGEST_ZONE, default UTC). */
  readonly digestZone: string;
  /** Local hour the daily digest is posted (REPAY_SLACK_DIGEST_HOUR, default 9). */
  readonly digestHour: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Undefined when neither SLACK_BOT_TOKEN nor SLACK_SIGNING_SECRET is set; throws a ConfigError when one is missing or a value is malformed. */
export function loadSlackConfig(env: Env = process.env): SlackConfig | undefined {
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  if (!botToken && !signingSecret) return undefined;
  // One without the other is a half-done setup: say which is missing rather than stay silent.
  if (!botToken) {
    throw new ConfigError(
      "SLACK_BOT_TOKEN",
      "missing: the Slack app needs it with SLACK_SIGNING_SECRET (the xoxb-... token from the app's OAuth page)",
    );
  }
  if (!signingSecret) {
    throw new ConfigError(
      "SLACK_SIGNING_SECRET",
      "missing: the Slack app needs it with SLACK_BOT_TOKEN (Basic Information > Signing Secret)",
    );
  }
  const agents = (env.REPAY_SLACK_AGENTS ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  const maxWaiver = env.REPAY_SLACK_MAX_WAIVER?.trim() ?? "";
  try {
    parseWaiverCaps(maxWaiver);
  } catch (error) {
    throw new ConfigError(
      "REPAY_SLACK_MAX_WAIVER",
      `${(error as Error).message} (write it like USD:50.00,JPY:5000)`,
    );
  }
  const port = Number(env.SLACK_PORT ?? "3001");
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError("SLACK_PORT", "must be a port number");
  }
  const digestZone = env.REPAY_SLACK_DIGEST_ZONE?.trim() || "UTC";
  if (!IANAZone.isValidZone(digestZone)) {
    throw new ConfigError(
      "REPAY_SLACK_DIGEST_ZONE",
      "must be an IANA time zone like America/New_York",
    );
  }
  const digestHour = Number(env.REPAY_SLACK_DIGEST_HOUR?.trim() || "9");
  if (!Number.isInteger(digestHour) || digestHour < 0 || digestHour > 23) {
    throw new ConfigError("REPAY_SLACK_DIGEST_HOUR", "must be an hour from 0 to 23");
  }
  const appToken = env.SLACK_APP_TOKEN?.trim() || undefined;
  if (appToken && !appToken.startsWith("xapp-")) {
    throw new ConfigError("SLACK_APP_TOKEN", "must be an app-level token (xapp-...)");
  }
  return {
    botToken,
    ...(appToken ? { appToken } : {}),
    signingSecret,
    agents,
    collectionsChannel: env.REPAY_SLACK_CHANNEL?.trim() || "collections",
    maxWaiver,
    port,
    digestZone,
    digestHour,
  };
}
