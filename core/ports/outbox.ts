// Port: the nudge outbox, the record of truth for every automated message planned and sent.
import type { NudgeKind } from "../nudges/nudge-message.ts";
import type { Channel } from "./identities.ts";

export type NudgeStatus = "planned" | "claimed" | "sent" | "failed" | "suppressed";

export interface PlannedNudge {
  /** Unique per (loan, kind, due date): planning twice writes one row. */
  readonly dedupeKey: string;
  readonly borrowerId: string;
  readonly loanId?: string;
  readonly kind: NudgeKind;
  readonly channel: Channel;
  /** UTC ISO instant it may be sent from. */
  readonly plannedFor: string;
  readonly reasonCodes: readonly string[];
}

export interface NudgeRow extends PlannedNudge {
  readonly id: string;
  readonly status: NudgeStatus;
  readonly attempts: number;
  readonly providerMessageId?: string;
  readonly claimedBy?: string;
  readonly claimedUntil?: string;
  /** When a dispatcher claimed it (the `now` of the claim). */
  readonly claimedAt?: string;
  /** When the dispatcher started the send (just before calling the provider). */
  readonly sendStartedAt?: string;
  readonly lastError?: string;
  readonly sentAt?: string;
}

export interface Outbox {
  /** Writes the row unless its dedupe key exists; safe under concurrent planners. */
  plan(nudge: PlannedNudge): Promise<{ row: NudgeRow; created: boolean }>;
  /**
   * plan() for each nudge, in order, as one write where the store can: a page of planner
   * decisions costs one round trip. A key repeated in the list is created once.
   */
  planMany(nudges: readonly PlannedNudge[]): Promise<{ row: NudgeRow; created: boolean }[]>;
  /**
   * Leases up to `limit` planned rows due at `now` to `worker` until `leaseUntil`; two
   * dispatchers never claim the same row. Claimed rows are never handed out again: a lease
   * that runs out means a send may have happened, so `expireLeases` fails it (at-most-once).
   * Order: plannedFor, then borrower, then id, so a borrower's rows due together are adjacent.
   */
  claimDue(now: string, worker: string, leaseUntil: string, limit: number): Promise<NudgeRow[]>;
  /**
   * Planned rows due at `now`, in claimDue's order, claiming nothing: what a queue feeder turns
   * into dispatch jobs. Any dispatcher may claim them afterwards.
   */
  dueRows(now: string, limit: number): Promise<NudgeRow[]>;
  /**
   * claimDue for these rows only: those still planned and due at `now` are leased to `worker`
   * (a row another dispatcher claimed first is left out), in claimDue's order.
   */
  claimIds(
    ids: readonly string[],
    now: string,
    worker: string,
    leaseUntil: string,
  ): Promise<NudgeRow[]>;
  markSent(id: string, providerMessageId: string, at: string): Promise<void>;
  markFailed(id: string, error: string, at: string): Promise<void>;
  markSuppressed(id: string, reasonCodes: readonly string[], at: string): Promise<void>;
  /** Back to planned, later (e.g. a 429 or quiet hours found at send time). */
  reschedule(id: string, plannedFor: string, reasonCodes: readonly string[]): Promise<void>;
  /**
   * Marks these rows as being sent, just before the provider is called: only rows `worker`
   * still holds on a lease running past `now` (a row whose lease ran out may already be another
   * dispatcher's). Returns the ids marked; send only when all of a message's rows are.
   */
  markSending(ids: readonly string[], worker: string, now: string): Promise<string[]>;
  /**
   * Settles claimed rows whose lease ended before `now`; returns how many. A row whose send had
   * started may have reached the borrower: failed "lease expired", never sent again. A row whose
   * send had not started (its dispatcher died holding it) goes back to planned, due at once.
   */
  expireLeases(now: string): Promise<number>;
  byDedupeKey(dedupeKey: string): Promise<NudgeRow | undefined>;
  /** Sent rows of a borrower since `since`, oldest first (what an agent is shown). */
  sentSince(borrowerId: string, since: string): Promise<NudgeRow[]>;
  /**
   * Rows that reached the borrower since `since`, or may have: sent (at `sentAt`), in a
   * dispatcher's hands, or failed with an unknown outcome (at `claimedAt`; see
   * `mayHaveReachedBorrower`). The policy's caps count these, so a crash between a send and
   * its record never lets an extra message through. Oldest first.
   */
  contactsSince(borrowerId: string, since: string): Promise<NudgeRow[]>;
  /** `contactsSince` for many borrowers in one read: an entry for every id asked. */
  contactsSinceFor(borrowerIds: readonly string[], since: string): Promise<Map<string, NudgeRow[]>>;
  /**
   * Makes `worker` the one dispatcher that may send to the borrower until `until`, unless
   * another holds them past `now`. Held, the worker re-checks the caps, sends and records
   * with no other dispatcher able to do the same in between. Not re-entrant.
   */
  holdBorrower(
    borrowerId: string,
    worker: string,
    until: string,
    now: string,
  ): Promise<BorrowerHold>;
  /** Ends `worker`'s hold on the borrower (nothing when it holds none). */
  releaseBorrower(borrowerId: string, worker: string): Promise<void>;
}

/** `held` false: another dispatcher holds the borrower until `until`. */
export type BorrowerHold =
  | { readonly held: true }
  | { readonly held: false; readonly until: string };
