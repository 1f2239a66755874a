// The real twilio SDK client, optionally pointed at another API origin (a local fake in tests).
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient.js";

export type TwilioClient = ReturnType<typeof twilio>;

export interface TwilioClientOptions {
  readonly accountSid: string;
  readonly authToken: string;
  /** E.g. "http://127.0.0.1:4010": every API request goes there instead of api.twilio.com. */
  readonly apiBaseUrl?: string;
  /** Give up on a request after this long (its outcome is then unknown). Default 30 s. */
  readonly timeoutMs?: number;
}

/**
 * The SDK's own RequestClient (axios), with each request's origin swapped for `apiBaseUrl`:
 * the SDK builds https://api.twilio.com/... URLs itself and has no base-URL option.
 */
class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly origin: string,
    timeout: number,
  ) {
    super({ timeout, keepAlive: false });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri);
    const base = new URL(this.origin);
    target.protocol = base.protocol;
    target.host = base.host;
    return super.request<TData>({ ...opts, uri: target.href });
  }
}

/**
 * @example const client = twilioClient({ accountSid, authToken, apiBaseUrl: fake.url });
 */
export function twilioClient(options: TwilioClientOptions): TwilioClient {
  const timeout = options.timeoutMs ?? 30_000;
  return twilio(options.accountSid, options.authToken, {
    timeout,
    autoRetry: false,
    ...(options.apiBaseUrl
      ? { httpClient: new RedirectingRequestClient(options.apiBaseUrl, timeout) }
      : {}),
  });
}
