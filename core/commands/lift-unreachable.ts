// A borrower who writes to us can be reached again: the nudger's "unreachable" pause on that channel ends.

import type { Pause } from "../ports/contact-controls.ts";
import type { Channel } from "../ports/identities.ts";
import { lookAgain } from "../ports/look-again.ts";
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";

export interface LiftUnreachableInput {
  readonly borrowerId: string;
  readonly channel: Channel;
  readonly at: string;
  /**
   * The borrower's active pauses at `at`, when the caller read them a moment ago
   * (identities.findBorrowerForMessage): no read of its own then. The lift itself re-reads.
   */
  readonly activePauses?: readonly Pause[];
}

const deadOn = (channel: Channel) => (pause: Pause) =>
  pause.reason === "unreachable" && pause.createdBy.endsWith(`:${channel}`);

/**
 * Lifts each unreachable pause the nudger set on `channel`, audits `channel.reachable` and brings
 * the planner's next look forward, together. Runs on every inbound message, so it only opens a
 * transaction when there is a pause to lift. Returns the pauses lifted.
 */
export async function liftUnreachable(store: Store, input: LiftUnreachableInput): Promise<Pause[]> {
  const { borrowerId, channel, at } = input;
  const active = input.activePauses ?? (await store.contact.activePauses(borrowerId, at));
  const found = active.filter(deadOn(channel));
  if (found.length === 0) return [];
  return store.atomic(async (tx) => {
    const pauses = (await tx.contact.activePauses(borrowerId, at)).filter(deadOn(channel));
    for (const pause of pauses) {
      await tx.contact.liftPause(pause.id, at);
      await tx.audit.append(
        commandAudit({
          actor: channel,
          action: "channel.reachable",
          subject: `borrower:${borrowerId}`,
          details: { channel, pause: pause.id },
          at,
        }),
      );
    }
    if (pauses.length > 0) await lookAgain(tx.loans, borrowerId, at);
    return pauses;
  });
}
