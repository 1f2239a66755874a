// SMTP and unsubscribe settings from the environment: all that email needs, or none; secrets never logged.
import { ConfigError } from "../config.ts";

export interface EmailSettings {
  /** smtp://user:pass@host:587 or smtps://...: never logged (it may hold a password). */
  readonly smtpUrl: string;
  /** The From address: "Acme Credit <reminders@acme.example>". */
  readonly from: string;
  /** Public origin of our HTTP server: the unsubscribe link points there. */
  readonly publicBaseUrl: string;
  /** Signs unsubscribe links (HMAC-SHA256). */
  readonly unsubscribeSecret: string;
  /** An optional mailto: address offered in List-Unsubscribe beside the link. */
  readonly unsubscribeMailto?: string;
  /** How long an unsubscribe link works. */
  readonly linkDays: number;
  /** Open SMTP connections at most (nodemailer pool maxConnections). */
  readonly maxConnections: number;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const value = Number(env[name] ?? String(fallback));
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ConfigError(name, `must be a whole number from 1 to ${max}`);
  }
  return value;
}

/** Undefined when SMTP_URL is not set; ConfigError when it is but the rest is missing or wrong. */
export function emailSettings(env: NodeJS.ProcessEnv): EmailSettings | undefined {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return undefined;
  if (!/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError("SMTP_URL", "must start with smtp:// or smtps://");
  }
  const need = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new ConfigError(name, "is required when SMTP_URL is set");
    return value;
  };
  const from = need("EMAIL_FROM");
  if (!/@/.test(from)) throw new ConfigError("EMAIL_FROM", "must be an email address");
  const publicBaseUrl = need("REPAY_PUBLIC_URL");
  if (!/^https?:\/\//.test(publicBaseUrl)) {
    throw new ConfigError("REPAY_PUBLIC_URL", "must start with https:// (or http:// locally)");
  }
  const unsubscribeSecret = need("EMAIL_UNSUBSCRIBE_SECRET");
  if (unsubscribeSecret.length < 32) {
    throw new ConfigError("EMAIL_UNSUBSCRIBE_SECRET", "must be at least 32 characters");
  }
  const mailto = env.EMAIL_UNSUBSCRIBE_MAILTO?.trim();
  if (mailto && !/^[^@\s]+@[^@\s]+$/.test(mailto)) {
    throw new ConfigError("EMAIL_UNSUBSCRIBE_MAILTO", "must be an email address");
  }
  return {
    smtpUrl,
    from,
    publicBaseUrl: publicBaseUrl.replace(/\/+$/, ""),
    unsubscribeSecret,
    ...(mailto ? { unsubscribeMailto: mailto } : {}),
    linkDays: whole(env, "EMAIL_UNSUBSCRIBE_DAYS", 60, 3650),
    maxConnections: whole(env, "SMTP_MAX_CONNECTIONS", 2, 50),
  };
}
