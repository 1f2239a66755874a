// Sends nudges as email through nodemailer: HTML and text parts, RFC 8058 one-click unsubscribe headers.

import type { SignPayload } from "../../core/email/index.ts";
import {
  composeEmailNudge,
  type EmailTemplates,
  unsubscribeToken,
} from "../../core/email/index.ts";
import type { BorrowerStore, ContactPointStore } from "../../core/ports/index.ts";
import { type ChannelSender, SendError } from "../../core/ports/index.ts";
import { smtpSendError } from "./smtp-send-error.ts";
import type { SmtpTransport } from "./smtp-transport.ts";
import { UNSUBSCRIBE_PATH } from "./unsubscribe-routes.ts";

export interface EmailSenderOptions {
  readonly transport: Pick<SmtpTransport, "sendMail">;
  /** "Acme Credit <reminders@acme.example>" */
  readonly from: string;
  readonly lenderName: string;
  readonly templates: EmailTemplates;
  /** Where the address and locale come from. */
  readonly contactPoints: Pick<ContactPointStore, "get">;
  readonly borrowers: Pick<BorrowerStore, "byId">;
  /** Public origin of our HTTP server ("https://repay.example.com"). */
  readonly publicBaseUrl: string;
  readonly sign: SignPayload;
  /** How long the unsubscribe link works. */
  readonly linkDays: number;
  /** Offered in List-Unsubscribe beside the link. */
  readonly unsubscribeMailto?: string;
  readonly clock?: () => string;
}

const DAY_MS = 86_400_000;

/**
 * A ChannelSender for email. Each message carries `List-Unsubscribe` (the signed https link,
 * then the mailto when set) and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
 * Does not retry by itself. The provider message id is the Message-ID.
 *
 * @example const email = createEmailSender({ transport, from, lenderName, templates: emailTemplates, contactPoints: store.contactPoints, borrowers: store.borrowers, publicBaseUrl, sign: hmacSigner(secret), linkDays: 60 });
 */
export function createEmailSender(options: EmailSenderOptions): ChannelSender {
  const clock = options.clock ?? (() => new Date().toISOString());
  const base = options.publicBaseUrl.replace(/\/+$/, "");
  return {
    async send({ borrowerId, text, facts }) {
      const [borrower, contact] = await Promise.all([
        options.borrowers.byId(borrowerId),
        options.contactPoints.get(borrowerId),
      ]);
      const to = contact?.email;
      if (!borrower || !to)
        throw new SendError("permanent", "NO_EMAIL", "no email address on record");
      const locale = facts?.locale ?? borrower.locale;
      const expiresAt = new Date(Date.parse(clock()) + options.linkDays * DAY_MS).toISOString();
      const token = unsubscribeToken({ borrowerId, email: to, locale, expiresAt }, options.sign);
      const unsubscribeUrl = `${base}${UNSUBSCRIBE_PATH}?token=${token}`;
      const content = composeEmailNudge({
        text,
        ...(facts ? { facts } : {}),
        locale,
        lenderName: options.lenderName,
        templates: options.templates[locale],
        unsubscribeUrl,
      });
      const mailto = options.unsubscribeMailto
        ? [`mailto:${options.unsubscribeMailto}?subject=unsubscribe`]
        : [];
      try {
        const info = await options.transport.sendMail({
          from: options.from,
          to,
          subject: content.subject,
          text: content.text,
          html: content.html,
          // One header: the link first (RFC 8058 one-click), then the mailto.
          list: { unsubscribe: [[unsubscribeUrl, ...mailto]] },
          headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        });
        return { providerMessageId: info.messageId };
      } catch (error) {
        throw smtpSendError(error);
      }
    },
  };
}
