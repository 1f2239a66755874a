// A nodemailer failure as a SendError: what surely delivered nothing may be retried, the rest not.
import { SendError } from "../../core/ports/index.ts";

interface NodemailerFailure {
  readonly code?: unknown;
  readonly originalCode?: unknown;
  readonly command?: unknown;
  readonly responseCode?: unknown;
  readonly message?: unknown;
}

const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
/** Replies to RCPT TO saying the mailbox does not exist or takes no mail. */
const NO_MAILBOX = new Set([550, 551, 553]);

/**
 * - An SMTP reply: 4xx transient ("SMTP_451"), 5xx permanent ("SMTP_554"; a refused recipient
 *   is MAILBOX_UNAVAILABLE, and email is then unreachable for that borrower).
 * - No connection (refused, DNS, while connecting or greeting): transient, nothing was sent.
 * - Bad credentials: permanent SMTP_AUTH (an operator must fix the settings).
 * - A connection lost mid-message: unknown; the message may have been accepted.
 */
export function smtpSendError(error: unknown): SendError {
  const e = (error ?? {}) as NodemailerFailure;
  const message = typeof e.message === "string" ? e.message : String(error);
  const code = typeof e.code === "string" ? e.code : undefined;
  const original = typeof e.originalCode === "string" ? e.originalCode : undefined;
  if (typeof e.responseCode === "number" && e.responseCode >= 400) {
    const reply = e.responseCode;
    if (reply < 500 || reply === 503) return new SendError("transient", `SMTP_${reply}`, message);
    if (code === "EENVELOPE" && NO_MAILBOX.has(reply)) {
      return new SendError("permanent", "MAILBOX_UNAVAILABLE", message);
    }
    return new SendError("permanent", `SMTP_${reply}`, message);
  }
  if (code === "EAUTH" || code === "ENOAUTH") {
    return new SendError("permanent", "SMTP_AUTH", message);
  }
  if (
    (original && NOT_CONNECTED.has(original)) ||
    (code && NOT_CONNECTED.has(code)) ||
    code === "EDNS" ||
    e.command === "CONN"
  ) {
    return new SendError("transient", original ?? code ?? "SMTP_CONNECT", message);
  }
  return new SendError("unknown", code ?? "SMTP", message);
}
