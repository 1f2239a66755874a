// SMS as one channel: the Twilio sender, the SMS shape of a nudge, and the webhooks, wired once.
import type { Hono } from "hono";
import type { Assistant } from "../../core/assistant/index.ts";
import type { NudgeFacts } from "../../core/nudges/index.ts";
import type { ChannelSender, HandoffNotifier, Store } from "../../core/ports/index.ts";
import { smsNudgeText } from "../../core/sms/index.ts";
import { smsTemplates } from "../../prompts/index.ts";
import { smsConversation } from "./sms-conversation.ts";
import { createSmsSender } from "./sms-sender.ts";
import { SMS_STATUS_PATH, smsWebhook } from "./sms-webhook.ts";
import { twilioClient } from "./twilio-client.ts";

export interface SmsChannelOptions {
  readonly store: Store;
  readonly assistant: Assistant;
  readonly lenderName: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Sending number (E.164) or Messaging Service sid. */
  readonly from: string;
  /** Public origin of our HTTP server, for webhook signatures and the status callback URL. */
  readonly publicBaseUrl: string;
  /** Twilio API origin override (tests: the local fake). */
  readonly apiBaseUrl?: string;
  /** Messages per second from the sending number. Default 1. */
  readonly perSecond?: number;
  /** The agents' side (Slack): handoff cards, and texts to the agent holding the chat. */
  readonly handoffs?: HandoffNotifier;
  readonly clock?: () => string;
  readonly log?: (line: string) => void;
}

export interface SmsChannel {
  readonly sender: ChannelSender;
  /** The dispatcher's `formats.sms`: SMS opt-out line, at most 3 segments. */
  readonly format: (text: string, facts: NudgeFacts) => string;
  /** POST /sms/twilio and POST /sms/twilio/status, to mount on the HTTP server. */
  readonly routes: Hono;
}

/**
 * @example const sms = createSmsChannel({ store, assistant, lenderName, accountSid, authToken, from, publicBaseUrl });
 * app.route("/", sms.routes); senders.sms = sms.sender; formats.sms = sms.format;
 */
export function createSmsChannel(options: SmsChannelOptions): SmsChannel {
  const client = twilioClient({
    accountSid: options.accountSid,
    authToken: options.authToken,
    ...(options.apiBaseUrl ? { apiBaseUrl: options.apiBaseUrl } : {}),
  });
  const base = options.publicBaseUrl.replace(/\/+$/, "");
  const sender = createSmsSender({
    client,
    from: options.from,
    borrowers: options.store.borrowers,
    statusCallbackUrl: `${base}${SMS_STATUS_PATH}`,
    ...(options.perSecond ? { perSecond: options.perSecond } : {}),
  });
  const conversation = smsConversation({
    store: options.store,
    assistant: options.assistant,
    templates: smsTemplates,
    lenderName: options.lenderName,
    ...(options.handoffs ? { handoffs: options.handoffs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const routes = smsWebhook({
    conversation,
    deliveries: options.store.deliveries,
    authToken: options.authToken,
    publicBaseUrl: base,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    sender,
    format: (text, facts) => smsNudgeText(text, facts, smsTemplates[facts.locale]),
    routes,
  };
}
