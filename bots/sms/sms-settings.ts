// Twilio settings from the environment: all of them or none; secrets never logged.
import { ConfigError } from "../config.ts";

export interface SmsSettings {
  readonly accountSid: string;
  readonly authToken: string;
  readonly from: string;
  readonly publicBaseUrl: string;
  readonly apiBaseUrl?: string;
  readonly perSecond: number;
}

/** Undefined when TWILIO_ACCOUNT_SID is not set; ConfigError when it is but the rest is not. */
export function smsSettings(env: NodeJS.ProcessEnv): SmsSettings | undefined {
  const accountSid = env.TWILIO_ACCOUNT_SID;
  if (!accountSid) return undefined;
  const need = (name: string): string => {
    const value = env[name];
    if (!value) throw new ConfigError(name, "is required when TWILIO_ACCOUNT_SID is set");
    return value;
  };
  const authToken = need("TWILIO_AUTH_TOKEN");
  const from = need("TWILIO_FROM");
  const publicBaseUrl = need("REPAY_PUBLIC_URL");
  if (!/^https?:\/\//.test(publicBaseUrl)) {
    throw new ConfigError("REPAY_PUBLIC_URL", "must start with https:// (or http:// locally)");
  }
  const perSecond = Number(env.TWILIO_RATE ?? "1");
  if (!(perSecond > 0 && perSecond <= 100)) {
    throw new ConfigError("TWILIO_RATE", "must be a number of messages per second, 0-100");
  }
  return {
    accountSid,
    authToken,
    from,
    publicBaseUrl,
    ...(env.TWILIO_API_BASE ? { apiBaseUrl: env.TWILIO_API_BASE } : {}),
    perSecond,
  };
}
