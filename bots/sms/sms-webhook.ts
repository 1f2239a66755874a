// Twilio's webhooks on the Hono server: inbound SMS and delivery status, signatures checked (403).
import { Hono } from "hono";
import twilio from "twilio";
import type { DeliveryStatus, NudgeDeliveries } from "../../core/ports/index.ts";
import type { SmsConversation } from "./sms-conversation.ts";

export interface SmsWebhookOptions {
  readonly conversation: SmsConversation;
  readonly deliveries: NudgeDeliveries;
  readonly authToken: string;
  /** The public origin Twilio posts to ("https://repay.example.com"): signatures cover the URL. */
  readonly publicBaseUrl: string;
  readonly clock?: () => string;
  readonly log?: (line: string) => void;
}

export const SMS_INBOUND_PATH = "/sms/twilio";
export const SMS_STATUS_PATH = "/sms/twilio/status";

const REPORTED: ReadonlySet<string> = new Set<DeliveryStatus>([
  "queued",
  "sent",
  "delivered",
  "undelivered",
  "failed",
]);

function twiml(text: string | undefined): Response {
  const response = new twilio.twiml.MessagingResponse();
  if (text) response.message(text);
  return new Response(response.toString(), { headers: { "content-type": "text/xml" } });
}

/**
 * POST /sms/twilio (a borrower's text; the answer goes back as TwiML) and POST
 * /sms/twilio/status (delivery reports onto the outbox rows). A missing or wrong
 * X-Twilio-Signature gets 403 and changes nothing.
 *
 * @example app.route("/", smsWebhook({ conversation, deliveries: store.deliveries, authToken, publicBaseUrl }));
 */
export function smsWebhook(options: SmsWebhookOptions): Hono {
  const app = new Hono();
  const clock = options.clock ?? (() => new Date().toISOString());
  const base = options.publicBaseUrl.replace(/\/+$/, "");

  async function signedForm(
    request: Request,
    path: string,
  ): Promise<Record<string, string> | undefined> {
    const form = Object.fromEntries(new URLSearchParams(await request.text()));
    const query = new URL(request.url).search;
    const signature = request.headers.get("x-twilio-signature") ?? "";
    const valid = twilio.validateRequest(
      options.authToken,
      signature,
      `${base}${path}${query}`,
      form,
    );
    return valid ? form : undefined;
  }

  app.post(SMS_INBOUND_PATH, async (c) => {
    const form = await signedForm(c.req.raw, SMS_INBOUND_PATH);
    if (!form) return c.text("bad signature", 403);
    if (!form.From || form.Body === undefined) return twiml(undefined);
    const answer = await options.conversation.receive(form.From, form.Body, clock());
    return twiml(answer);
  });

  app.post(SMS_STATUS_PATH, async (c) => {
    const form = await signedForm(c.req.raw, SMS_STATUS_PATH);
    if (!form) return c.text("bad signature", 403);
    const sid = form.MessageSid ?? form.SmsSid;
    const status = form.MessageStatus ?? form.SmsStatus;
    if (sid && status && REPORTED.has(status)) {
      const rows = await options.deliveries.record(
        sid,
        status as DeliveryStatus,
        form.ErrorCode || undefined,
        clock(),
      );
      if (rows === 0) options.log?.(`sms status ${status} for an unknown message ${sid}`);
    }
    return c.body(null, 204);
  });
  return app;
}
