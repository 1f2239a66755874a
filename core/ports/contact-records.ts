// Port: what the contact policy decided, decision by decision, read back for the compliance page.
import type { Channel } from "./identities.ts";

/** One decision about a nudge: sent, moved to a later time (deferred), suppressed or failed. */
export interface ContactRecord {
  /** UTC ISO instant of the decision (the send instant for a sent nudge). */
  readonly at: string;
  readonly borrowerId: string;
  readonly borrowerRef: string;
  /** The borrower's IANA zone: quiet hours and local days are counted there. */
  readonly timeZone: string;
  readonly loanId?: string;
  /** Null when the policy decided before choosing a channel. */
  readonly channel: Channel | null;
  readonly kind: string;
  readonly decision: "sent" | "deferred" | "suppressed" | "failed";
  readonly reasons: readonly string[];
  /** Decided when planning or when sending. */
  readonly stage: "plan" | "dispatch";
}

/** A borrower's opt-out from a channel, as the consent log recorded it. */
export interface OptOutEvent {
  readonly at: string;
  readonly borrowerRef: string;
  readonly channel: Channel;
  /** "sms:STOP", "email:unsubscribe", "agent:<id>", ... */
  readonly source: string;
}

/** The Prisma store answers from the decision records (nudge_decisions) and consent events. */
export interface ContactRecords {
  /** Decisions in [since, until), oldest first, at most `limit`. */
  between(since: string, until: string, limit: number): Promise<ContactRecord[]>;
  /** Opt-out events recorded in [since, until), oldest first, at most `limit`. */
  optOutEvents(since: string, until: string, limit: number): Promise<OptOutEvent[]>;
  /** Opt-out events recorded in [since, until), by channel. */
  optOuts(since: string, until: string): Promise<Partial<Record<Channel, number>>>;
}
