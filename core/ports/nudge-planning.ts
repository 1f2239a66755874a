// Port: what the nudge planner reads and writes per page, in as few round trips as the store can manage.
import type { Borrower } from "./borrowers.ts";
import type { Pause, PromiseToPay } from "./contact-controls.ts";
import type { ConsentEvent, ContactPreferences } from "./contact-points.ts";
import type { ConversationMessage } from "./conversation.ts";
import type { Handoff } from "./handoffs.ts";
import type { Channel, ChannelIdentity } from "./identities.ts";
import type { NextNudge, StoredLoan } from "./loans.ts";
import type { NudgeRow, PlannedNudge } from "./outbox.ts";
import type { StoredTransaction } from "./transactions.ts";

/** One page of loans due for a nudge and the records the planner decides them from. */
export interface DuePage {
  /** As `loans.dueForNudge` gives them: oldest nextNudgeAt first, then by id. */
  readonly loans: readonly StoredLoan[];
  /** The page's borrowers, by id (as `borrowers.byIds`). */
  readonly borrowers: ReadonlyMap<string, Borrower>;
  /** Each borrower's promises, an entry per borrower of the page (as `contact.promisesFor`). */
  readonly promises: ReadonlyMap<string, readonly PromiseToPay[]>;
  /** Each active loan's transactions, an entry per active loan (as `transactions.forLoans`). */
  readonly transactions: ReadonlyMap<string, readonly StoredTransaction[]>;
}

/** What the store keeps about how we contact one borrower, beyond their row and promises. */
export interface BorrowerContactRecords {
  /** As `identities.forBorrowers`. */
  readonly identities: readonly ChannelIdentity[];
  /** As `contact.optedOutChannelsFor`. */
  readonly optedOut: readonly Channel[];
  /** As `contact.activePausesFor(ids, now)`. */
  readonly pauses: readonly Pause[];
  /** As `outbox.contactsSinceFor(ids, since)`. */
  readonly sent: readonly NudgeRow[];
  /** As `conversation.recentFor(ids, conversationDepth)`. */
  readonly conversation: readonly ConversationMessage[];
  /** As `handoffs.activeFor`. */
  readonly handoff: Handoff | undefined;
  /** As `consent.forBorrowers`. */
  readonly consent: readonly ConsentEvent[];
  /** As `contactPoints.forBorrowers`. */
  readonly preferences: ContactPreferences | undefined;
}

export interface NudgePlanning {
  /**
   * `loans.dueForNudge(now, limit, after)` with the page's borrowers, their promises and the
   * active loans' transactions: what those four reads give, in one (one SQL statement on
   * Prisma).
   */
  duePage(now: string, limit: number, after?: { at: string; id: string }): Promise<DuePage>;
  /**
   * The eight batch reads of borrowers' contact records, in one (one SQL statement on Prisma):
   * an entry per distinct id asked for, empty for a borrower with no records.
   */
  contactRecords(
    borrowerIds: readonly string[],
    now: string,
    reach: { readonly since: string; readonly conversationDepth: number },
  ): Promise<Map<string, BorrowerContactRecords>>;
  /**
   * `outbox.planMany(nudges)`, then `loans.setNextNudgeAtMany(next)`: a decided page's writes,
   * with what planMany returns. One SQL statement on Prisma, so the page's outbox rows and
   * next looks are written together or not at all. Every instant is checked before anything
   * is written.
   */
  writePage(
    nudges: readonly PlannedNudge[],
    next: readonly NextNudge[],
  ): Promise<{ row: NudgeRow; created: boolean }[]>;
}
