// Port: tells the agents' side (Slack) about handoffs, and passes a borrower's words to the agent holding their chat.
import type { Channel } from "./identities.ts";

export interface HandoffNotifier {
  /** A chat was handed to a person: show it to the agents (in Slack, the card with a Claim button). */
  handoffOpened(handoffId: string): Promise<void>;
  /**
   * While an agent holds the borrower's chat, passes `text` to them instead of the assistant;
   * false when no agent holds it (the assistant answers). `channel`: where the borrower wrote.
   */
  relayToAgent(borrowerId: string, text: string, channel: Channel): Promise<boolean>;
}

/** No agents' side configured: handoffs wait in the store's queue and the assistant always answers. */
export const noHandoffNotifier: HandoffNotifier = {
  handoffOpened: async () => {},
  relayToAgent: async () => false,
};
