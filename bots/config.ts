// The product's settings, from environment variables only. Secrets are read here and never logged.
import type { PayLink } from "../core/ports/index.ts";

export interface Config {
  readonly port: number;
  readonly lenderName: string;
  /** Lender API bearer token; the API is off without it. */
  readonly apiToken?: string;
  readonly telegram?: {
    readonly token: string;
    /** Webhook mode when set; long polling otherwise. */
    readonly webhookUrl?: string;
    readonly webhookSecret?: string;
    readonly apiRoot?: string;
    readonly botUsername?: string;
    readonly globalPerSecond: number;
  };
  readonly payLink?: PayLink;
  /** Contact policy profile for nudges: default | us-reg-f | cn. */
  readonly contactProfile: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): Config {
  const port = Number(env.PORT ?? "3000");
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError("PORT", "must be a port number");
  }
  const token = env.TELEGRAM_BOT_TOKEN?.trim();
  const webhookUrl = env.TELEGRAM_WEBHOOK_URL?.trim() || undefined;
  if (webhookUrl && !/^https:\/\//.test(webhookUrl)) {
    throw new ConfigError("TELEGRAM_WEBHOOK_URL", "must be an https:// URL");
  }
  const webhookSecret = env.TELEGRAM_WEBHOOK_SECRET?.trim() || undefined;
  if (webhookUrl && (!webhookSecret || !/^[A-Za-z0-9_-]{16,256}$/.test(webhookSecret))) {
    throw new ConfigError(
      "TELEGRAM_WEBHOOK_SECRET",
      "webhook mode needs a secret of 16-256 letters, digits, _ or -",
    );
  }
  const globalPerSecond = Number(env.TELEGRAM_GLOBAL_RATE ?? "25");
  if (!(globalPerSecond > 0 && globalPerSecond <= 30)) {
    throw new ConfigError(
      "TELEGRAM_GLOBAL_RATE",
      "must be a number of messages per second from 1 to 30",
    );
  }
  const apiToken = env.REPAY_API_TOKEN?.trim() || undefined;
  if (apiToken && apiToken.length < 16) {
    throw new ConfigError("REPAY_API_TOKEN", "must be at least 16 characters");
  }
  return {
    port,
    lenderName: env.REPAY_LENDER_NAME?.trim() || "Demo Lending",
    contactProfile: env.REPAY_CONTACT_PROFILE?.trim() || "default",
    ...(apiToken ? { apiToken } : {}),
    ...(token
      ? {
          telegram: {
            token,
            globalPerSecond,
            ...(webhookUrl ? { webhookUrl } : {}),
            ...(webhookSecret ? { webhookSecret } : {}),
            ...(env.TELEGRAM_API_ROOT ? { apiRoot: env.TELEGRAM_API_ROOT } : {}),
            ...(env.TELEGRAM_BOT_USERNAME ? { botUsername: env.TELEGRAM_BOT_USERNAME } : {}),
          },
        }
      : {}),
    ...(env.REPAY_PAY_LINK_TEMPLATE ? { payLink: payLinkFrom(env.REPAY_PAY_LINK_TEMPLATE) } : {}),
  };
}

/** "https://pay.example.com/{loanRef}?amount={amount}&currency={currency}" → a PayLink. */
export function payLinkFrom(template: string): PayLink {
  if (!/^https:\/\//.test(template)) {
    throw new ConfigError("REPAY_PAY_LINK_TEMPLATE", "must start with https://");
  }
  return (context) =>
    template.replace(
      /\{(borrowerRef|loanRef|amount|currency)\}/g,
      (_m, name: keyof typeof context) => encodeURIComponent(context[name]),
    );
}
