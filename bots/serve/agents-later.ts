// The agents' side as a notifier that channels can hold before it exists: SMS starts before Slack.
import type { HandoffNotifier } from "../../core/ports/index.ts";

export interface AgentsLater {
  /** Passes on to the notifier given to `attach`; until then, as if no agents' side were there. */
  readonly notifier: HandoffNotifier;
  attach(agents: HandoffNotifier): void;
}

export function agentsLater(): AgentsLater {
  let agents: HandoffNotifier | undefined;
  return {
    notifier: {
      handoffOpened: async (handoffId) => agents?.handoffOpened(handoffId),
      relayToAgent: async (borrowerId, text, channel) =>
        agents ? agents.relayToAgent(borrowerId, text, channel) : false,
    },
    attach(notifier) {
      agents = notifier;
    },
  };
}
