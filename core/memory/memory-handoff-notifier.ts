// The handoff notifier in memory: records what the agents' side would have been told, for tests and the demo.
import type { HandoffNotifier } from "../ports/handoff-notifier.ts";

export interface RecordingHandoffNotifier extends HandoffNotifier {
  /** Handoff ids announced, in order. */
  readonly opened: readonly string[];
  /** Borrower messages passed to an agent, in order. */
  readonly relayed: readonly { readonly borrowerId: string; readonly text: string }[];
  /** From now on an agent holds this borrower's chat (until `release`). */
  hold(borrowerId: string): void;
  release(borrowerId: string): void;
}

/**
 * @example
 * const handoffs = memoryHandoffNotifier();
 * handoffs.hold(borrower.id); // the borrower's next message goes to the "agent"
 */
export function memoryHandoffNotifier(): RecordingHandoffNotifier {
  const opened: string[] = [];
  const relayed: { borrowerId: string; text: string }[] = [];
  const held = new Set<string>();
  return {
    opened,
    relayed,
    hold: (borrowerId) => void held.add(borrowerId),
    release: (borrowerId) => void held.delete(borrowerId),
    async handoffOpened(handoffId) {
      opened.push(handoffId);
    },
    async relayToAgent(borrowerId, text) {
      if (!held.has(borrowerId)) return false;
      relayed.push({ borrowerId, text });
      return true;
    },
  };
}
