// Port: what the contact policy decided for each nudge, read back for the compliance page.
import type { Channel } from "./identities.ts";

/** One decision about one nudge: sent, moved to a later time (deferred) or suppressed. */
export interface ContactRecord {
  /** UTC ISO instant of the decision (the send instant for a sent nudge). */
  readonly at: string;
  readonly borrowerId: string;
  readonly borrowerRef: string;
  /** The borrower's IANA zone: quiet hours and local days are counted there. */
  readonly timeZone: string;
  readonly loanId?: string;
  readonly channel: Channel;
  readonly kind: string;
  readonly decision: "sent" | "deferred" | "suppressed" | "failed";
  readonly reasons: readonly string[];
}

/**
 * Today the Prisma store answers from the nudge outbox (one row per nudge: its last decision);
 * a table of every decision can answer the same question later without changing the page.
 */
export interface ContactRecords {
  /** Decisions in [since, until), oldest first, at most `limit`. */
  between(since: string, until: string, limit: number): Promise<ContactRecord[]>;
  /** Opt-outs recorded in [since, until), by channel. */
  optOuts(since: string, until: string): Promise<Partial<Record<Channel, number>>>;
}
