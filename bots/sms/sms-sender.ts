// Sends nudges as SMS through the twilio SDK, paced to the sending number's rate, errors coded.

import { type BorrowerStore, type ChannelSender, SendError } from "../../core/ports/index.ts";
import { createSendRateLimiter, type SendRateLimiter } from "../nudger/send-rate-limiter.ts";
import type { TwilioClient } from "./twilio-client.ts";

export interface SmsSenderOptions {
  readonly client: TwilioClient;
  /** The sending number (E.164) or a Messaging Service sid ("MG..."). */
  readonly from: string;
  /** Where the phone number comes from: the borrower's record. */
  readonly borrowers: Pick<BorrowerStore, "byId">;
  /** Twilio posts delivery status here (our POST /sms/twilio/status). */
  readonly statusCallbackUrl?: string;
  /** Messages per second from this sender. Default 1 (a long code's rate in the US). */
  readonly perSecond?: number;
  readonly limiter?: SendRateLimiter;
}

/** Twilio error codes that will fail the same way every time. */
const PERMANENT: Record<number, string> = {
  21211: "INVALID_NUMBER",
  21214: "INVALID_NUMBER",
  21408: "REGION_NOT_ENABLED",
  21610: "UNSUBSCRIBED",
  21612: "UNREACHABLE_CARRIER",
  21614: "NOT_A_MOBILE",
};
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);

/** The SDK's RestException or an axios network error, as a SendError. */
export function twilioSendError(error: unknown): SendError {
  const e = error as { status?: unknown; code?: unknown; message?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(error);
  if (typeof e?.status === "number") {
    const code = typeof e.code === "number" ? e.code : undefined;
    if (e.status === 429 || code === 20429) {
      return new SendError("rate_limited", "TOO_MANY_REQUESTS", message, 1);
    }
    if (e.status >= 500) return new SendError("transient", `HTTP_${e.status}`, message);
    const named = code !== undefined ? PERMANENT[code] : undefined;
    return new SendError("permanent", named ?? `TWILIO_${code ?? e.status}`, message);
  }
  if (typeof e?.code === "string" && NOT_CONNECTED.has(e.code)) {
    return new SendError("transient", e.code, message);
  }
  const code = typeof e?.code === "string" ? e.code : "NETWORK";
  return new SendError("unknown", code, message);
}

/**
 * A ChannelSender for SMS. Does not retry by itself (the dispatcher does, and never after an
 * unknown outcome). The provider message id is Twilio's message sid.
 *
 * @example const sms = createSmsSender({ client: twilioClient({ accountSid, authToken }), from: "+15005550006", borrowers: store.borrowers });
 */
export function createSmsSender(options: SmsSenderOptions): ChannelSender {
  const limiter =
    options.limiter ?? createSendRateLimiter({ globalPerSecond: options.perSecond ?? 1 });
  const from = options.from.startsWith("MG")
    ? { messagingServiceSid: options.from }
    : { from: options.from };
  return {
    async send({ borrowerId, text }) {
      const phone = (await options.borrowers.byId(borrowerId))?.phone;
      if (!phone) throw new SendError("permanent", "NO_PHONE", "no phone number on record");
      await limiter.acquire(phone);
      try {
        const message = await options.client.messages.create({
          to: phone,
          body: text,
          ...from,
          ...(options.statusCallbackUrl ? { statusCallback: options.statusCallbackUrl } : {}),
        });
        return { providerMessageId: message.sid };
      } catch (error) {
        const failure = twilioSendError(error);
        if (failure.kind === "rate_limited") limiter.holdOff(failure.retryAfterSeconds ?? 1);
        throw failure;
      }
    },
  };
}
