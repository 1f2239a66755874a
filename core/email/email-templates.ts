// The words an email needs of its own, per locale: subject, opt-out line, unsubscribe pages.
import type { NudgeKind } from "../nudges/index.ts";
import type { Locale } from "../ports/borrowers.ts";

export interface UnsubscribePageTemplates {
  /** The page title: {lender}. */
  readonly title: string;
  /** GET with a good token: {email} {lender}; the button posts the one-click unsubscribe. */
  readonly confirm: string;
  readonly button: string;
  /** After the unsubscribe: {email} {lender}. */
  readonly done: string;
}

export interface EmailLocaleTemplates {
  /** Subject per nudge kind, and `other` for a message without nudge facts: {lender}. */
  readonly subject: Readonly<Record<NudgeKind | "other", string>>;
  /** Replaces a nudge's opt-out line (no variables; the link follows it). */
  readonly optOut: string;
  /** The link text of the unsubscribe link. */
  readonly unsubscribe: string;
  /** Last line: who sent it and why: {lender}. */
  readonly footer: string;
  readonly page: UnsubscribePageTemplates;
}

export type EmailTemplates = Readonly<Record<Locale, EmailLocaleTemplates>>;

/** Shown when a link's token is bad or expired: the borrower's locale is not known then. */
export interface UnsubscribeProblemTemplates {
  readonly title: string;
  readonly badLink: string;
  readonly expiredLink: string;
}
