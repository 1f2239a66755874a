// A local fake of Twilio's Messages API that the real twilio SDK talks to, plus signed webhooks.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";

export interface FakeSms {
  readonly sid: string;
  readonly to: string;
  readonly from: string;
  readonly body: string;
  readonly statusCallback?: string;
  /** Date.now() when the fake received it. */
  readonly receivedAt: number;
}

/** A refusal the next create gets: Twilio's status and error code. */
export interface PlannedFailure {
  readonly status: number;
  readonly code: number;
  readonly message: string;
}

export interface FakeTwilio {
  /** The API origin for twilioClient({ apiBaseUrl }). */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  readonly messages: readonly FakeSms[];
  failNext(failure: PlannedFailure): void;
  /** Posts a signed status callback for a message, as Twilio does after the carrier answers. */
  deliver(sid: string, status: string, errorCode?: string): Promise<{ status: number }>;
  /** Posts a signed inbound SMS webhook to `url`; returns our answer (TwiML). */
  inbound(
    url: string,
    params: { From: string; To: string; Body: string },
    signature?: string,
  ): Promise<{ status: number; body: string }>;
  /** Resolves once `count` messages were received. */
  waitForMessages(count: number): Promise<readonly FakeSms[]>;
  close(): Promise<void>;
}

async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return Object.fromEntries(new URLSearchParams(text));
}

async function postSigned(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature?: string,
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature ?? twilio.getExpectedTwilioSignature(authToken, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * @example const fake = await startFakeTwilio(); const client = twilioClient({ accountSid: fake.accountSid, authToken: fake.authToken, apiBaseUrl: fake.url });
 */
export async function startFakeTwilio(
  accountSid = "AC00000000000000000000000000000001",
  authToken = "fake-twilio-auth-token",
): Promise<FakeTwilio> {
  const messages: FakeSms[] = [];
  const failures: PlannedFailure[] = [];
  const waiters: Array<() => void> = [];
  let next = 0;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
  const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;

  const server = createServer(async (request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== expectedAuth) {
      return send(401, { code: 20003, message: "Authenticate", status: 401 });
    }
    if (request.method !== "POST" || request.url !== path) {
      return send(404, { code: 20404, message: "Not found", status: 404 });
    }
    const form = await readForm(request);
    const failure = failures.shift();
    if (failure) return send(failure.status, { ...failure, more_info: "fake" });
    if (!form.To || !form.Body || !(form.From || form.MessagingServiceSid)) {
      return send(400, {
        code: 21604,
        message: "A 'To', 'From' and 'Body' are required",
        status: 400,
      });
    }
    const sid = `SM${String(++next).padStart(32, "0")}`;
    const sms: FakeSms = {
      sid,
      to: form.To,
      from: form.From ?? form.MessagingServiceSid ?? "",
      body: form.Body,
      ...(form.StatusCallback ? { statusCallback: form.StatusCallback } : {}),
      receivedAt: Date.now(),
    };
    messages.push(sms);
    for (const wake of waiters.splice(0)) wake();
    send(201, {
      sid,
      account_sid: accountSid,
      to: sms.to,
      from: sms.from,
      body: sms.body,
      status: "queued",
      direction: "outbound-api",
      date_created: new Date().toUTCString(),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    failNext: (failure) => void failures.push(failure),
    async deliver(sid, status, errorCode) {
      const sms = messages.find((m) => m.sid === sid);
      if (!sms?.statusCallback) throw new Error(`no status callback for ${sid}`);
      const params: Record<string, string> = {
        AccountSid: accountSid,
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        To: sms.to,
        From: sms.from,
        ...(errorCode ? { ErrorCode: errorCode } : {}),
      };
      return postSigned(authToken, sms.statusCallback, params);
    },
    inbound: (url, params, signature) =>
      postSigned(
        authToken,
        url,
        { AccountSid: accountSid, MessageSid: `SMin${Date.now()}`, ...params },
        signature,
      ),
    async waitForMessages(count) {
      while (messages.length < count) await new Promise<void>((r) => waiters.push(r));
      return messages;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
