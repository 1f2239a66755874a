// Port: chat accounts linked to borrowers, and the one-time codes that link them.
import type { Borrower } from "./borrowers.ts";
import type { Channel } from "./channel.ts";
import type { Pause } from "./contact-controls.ts";
import type { LoanWithTransactions } from "./loans.ts";

export type { Channel } from "./channel.ts";

export interface ChannelIdentity {
  readonly channel: Channel;
  readonly externalId: string;
  readonly borrowerId: string;
  readonly verifiedAt: string;
}

/** A linked borrower as an inbound message finds them. */
export interface BorrowerForMessage {
  readonly borrower: Borrower;
  /** As `contact.activePauses` reads them at the given instant. */
  readonly activePauses: Pause[];
  /** As `loans.forBorrowerWithTransactions(borrower.id, "active")` reads them. */
  readonly activeLoans: LoanWithTransactions[];
}

export interface IdentityStore {
  find(channel: Channel, externalId: string): Promise<ChannelIdentity | undefined>;
  /**
   * The borrower the chat account is linked to, as `borrowers.byId` reads them, in one read
   * (what an inbound message needs first); undefined for an account not linked.
   */
  findBorrower(channel: Channel, externalId: string): Promise<Borrower | undefined>;
  /**
   * `findBorrower`, that borrower's `contact.activePauses` at `now` and their active loans
   * with schedules and transactions, in one read: who wrote, whether a pause (say,
   * "unreachable" on this channel) should lift, and what most answers are about; what an
   * inbound message reads before its answer. Undefined for an account not linked.
   */
  findBorrowerForMessage(
    channel: Channel,
    externalId: string,
    now: string,
  ): Promise<BorrowerForMessage | undefined>;
  forBorrower(borrowerId: string): Promise<ChannelIdentity[]>;
  /** `forBorrower` for many borrowers in one read: an entry for every id asked. */
  forBorrowers(borrowerIds: readonly string[]): Promise<Map<string, ChannelIdentity[]>>;
  /** Links (or re-links) a chat account to a borrower. */
  bind(identity: ChannelIdentity): Promise<ChannelIdentity>;
}

export interface LinkCodeStore {
  /** Stores only the hash of a code; the code itself is shown once to the lender. */
  issue(borrowerId: string, codeHash: string, expiresAt: string): Promise<void>;
  /**
   * Marks an unexpired, unused code used and returns its borrower; undefined otherwise.
   * Safe under concurrent calls: a code is consumed once.
   */
  consume(codeHash: string, now: string): Promise<string | undefined>;
}
