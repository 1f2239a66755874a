// Email as one channel: the SMTP sender, the email shape of a nudge, and the unsubscribe link, wired once.
import type { Hono } from "hono";
import { emailNudgeText } from "../../core/email/index.ts";
import type { NudgeFacts } from "../../core/nudges/index.ts";
import type { ChannelSender, Store } from "../../core/ports/index.ts";
import { emailProblemTemplates, emailTemplates } from "../../prompts/index.ts";
import { createEmailSender } from "./email-sender.ts";
import type { EmailSettings } from "./email-settings.ts";
import { createSmtpTransport } from "./smtp-transport.ts";
import { unsubscribeRoutes } from "./unsubscribe-routes.ts";
import { hmacSigner } from "./unsubscribe-signer.ts";

export interface EmailChannelOptions extends EmailSettings {
  readonly store: Store;
  readonly lenderName: string;
  readonly clock?: () => string;
  readonly log?: (line: string) => void;
}

export interface EmailChannel {
  readonly sender: ChannelSender;
  /** The dispatcher's `formats.email`: the email opt-out line in place of the chat one. */
  readonly format: (text: string, facts: NudgeFacts) => string;
  /** GET and POST /email/unsubscribe, to mount on the HTTP server. */
  readonly routes: Hono;
  /** Closes the SMTP connections. */
  close(): void;
}

/**
 * @example const email = createEmailChannel({ store, lenderName, ...emailSettings(process.env) });
 * app.route("/", email.routes); senders.email = email.sender; formats.email = email.format;
 */
export function createEmailChannel(options: EmailChannelOptions): EmailChannel {
  const transport = createSmtpTransport({
    url: options.smtpUrl,
    maxConnections: options.maxConnections,
  });
  const sign = hmacSigner(options.unsubscribeSecret);
  const sender = createEmailSender({
    transport,
    from: options.from,
    lenderName: options.lenderName,
    templates: emailTemplates,
    contactPoints: options.store.contactPoints,
    borrowers: options.store.borrowers,
    publicBaseUrl: options.publicBaseUrl,
    sign,
    linkDays: options.linkDays,
    ...(options.unsubscribeMailto ? { unsubscribeMailto: options.unsubscribeMailto } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const routes = unsubscribeRoutes({
    store: options.store,
    sign,
    lenderName: options.lenderName,
    templates: emailTemplates,
    problems: emailProblemTemplates,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    sender,
    format: (text, facts) => emailNudgeText(text, emailTemplates[facts.locale]),
    routes,
    close: () => transport.close(),
  };
}
