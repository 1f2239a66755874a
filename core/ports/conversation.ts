// Port: every message to or from a borrower, kept for agents.
import type { Channel } from "./identities.ts";

export interface ConversationMessage {
  readonly borrowerId: string;
  readonly channel: Channel;
  readonly direction: "inbound" | "outbound";
  readonly text: string;
  readonly at: string;
  /** "borrower", "assistant", "nudger" or "agent:<id>". */
  readonly author: string;
}

export interface ConversationLog {
  append(message: ConversationMessage): Promise<void>;
  /**
   * `append` for each of `messages`, in order, in one write: all or none (NOT_FOUND when a
   * borrower is not there). A turn logs the borrower's message and the answer together.
   */
  appendMany(messages: readonly ConversationMessage[]): Promise<void>;
  /** The latest `limit` messages, oldest first. */
  recent(borrowerId: string, limit: number): Promise<ConversationMessage[]>;
  /**
   * `recent` for many borrowers in one read, at most `limit` messages each: an entry for every
   * id asked.
   */
  recentFor(
    borrowerIds: readonly string[],
    limit: number,
  ): Promise<Map<string, ConversationMessage[]>>;
}
