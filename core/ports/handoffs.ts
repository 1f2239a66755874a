// Port: conversations handed to a human agent, and who holds them.
export type HandoffStatus = "open" | "claimed" | "released";

export interface Handoff {
  readonly id: string;
  readonly borrowerId: string;
  readonly loanId?: string;
  readonly status: HandoffStatus;
  /** "human_agent", "dispute", "escalation". */
  readonly reason: string;
  readonly claimedBy?: string;
  readonly slackChannel?: string;
  readonly slackThreadTs?: string;
  readonly createdAt: string;
}

export interface HandoffStore {
  /** Opens a handoff unless the borrower already has one open or claimed; returns that one then. */
  open(
    borrowerId: string,
    reason: string,
    at: string,
    loanId?: string,
  ): Promise<{ handoff: Handoff; created: boolean }>;
  /** The handoff with this id, whatever its status. */
  byId(id: string): Promise<Handoff | undefined>;
  /** The borrower's open or claimed handoff, if any. */
  active(borrowerId: string): Promise<Handoff | undefined>;
  /** `active` for many borrowers in one read, keyed by borrower id; those with none are absent. */
  activeFor(borrowerIds: readonly string[]): Promise<Map<string, Handoff>>;
  /** Claims an open handoff; undefined if someone else claimed it first. */
  claim(id: string, agent: string, at: string): Promise<Handoff | undefined>;
  setThread(id: string, slackChannel: string, slackThreadTs: string): Promise<void>;
  release(id: string, at: string): Promise<void>;
  byThread(slackChannel: string, slackThreadTs: string): Promise<Handoff | undefined>;
  /** Open and claimed handoffs, oldest first. */
  listActive(limit: number): Promise<Handoff[]>;
}
