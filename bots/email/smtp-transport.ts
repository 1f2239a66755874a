// A pooled nodemailer SMTP transport: a bounded number of connections, and no resend of its own.
import nodemailer from "nodemailer";

export type SmtpTransport = ReturnType<typeof createSmtpTransport>;

export interface SmtpTransportOptions {
  /** smtp://user:pass@host:port or smtps://... */
  readonly url: string;
  /** Open connections at most. */
  readonly maxConnections: number;
  /** Give up on a connection or a reply after this long. Default 30 s. */
  readonly timeoutMs?: number;
}

/**
 * maxRequeues 0: a message whose connection closed mid-send is failed, not sent again by the
 * pool (it may have been accepted; the dispatcher is at-most-once and decides).
 *
 * @example const transport = createSmtpTransport({ url: settings.smtpUrl, maxConnections: 2 });
 */
export function createSmtpTransport(options: SmtpTransportOptions) {
  const timeout = options.timeoutMs ?? 30_000;
  return nodemailer.createTransport({
    pool: true,
    url: options.url,
    maxConnections: options.maxConnections,
    maxRequeues: 0,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
}
