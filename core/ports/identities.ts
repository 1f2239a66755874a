// Port: chat accounts linked to borrowers, and the one-time codes that link them.
/** Where a borrower talks to us. "console" is the terminal demo. */
export type Channel = "telegram" | "console" | "sms" | "email";

export interface ChannelIdentity {
  readonly channel: Channel;
  readonly externalId: string;
  readonly borrowerId: string;
  readonly verifiedAt: string;
}

export interface IdentityStore {
  find(channel: Channel, externalId: string): Promise<ChannelIdentity | undefined>;
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
