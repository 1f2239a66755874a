// "Mark dispute": reminders stop until lifted and the dispute waits in the agents' queue as a handoff.

import type { Pause } from "../ports/contact-controls.ts";
import type { Handoff } from "../ports/handoffs.ts";
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";
import { pauseSummary } from "./pause-summary.ts";
import { requireBorrower, requireReason } from "./records.ts";

export interface MarkDisputeInput {
  readonly borrowerId: string;
  readonly loanId?: string;
  /** What the borrower disputes; required. */
  readonly why: string;
  readonly actor: string;
  readonly at: string;
}

export interface MarkDisputeResult {
  readonly pause: Pause;
  readonly handoff: Handoff;
  /** False when the borrower already had a handoff open: the dispute joins it. */
  readonly handoffCreated: boolean;
  readonly borrowerName: string;
}

/** Writes the dispute pause, opens (or joins) the handoff, and audits, together. */
export async function markDispute(
  store: Store,
  input: MarkDisputeInput,
): Promise<MarkDisputeResult> {
  const why = requireReason(input.why, "why");
  const { at } = input;
  return store.atomic(async (tx) => {
    const borrower = await requireBorrower(tx, input.borrowerId);
    const before = await tx.contact.activePauses(borrower.id, at);
    const pause = await tx.contact.pause({
      borrowerId: borrower.id,
      ...(input.loanId ? { loanId: input.loanId } : {}),
      reason: "dispute",
      createdBy: input.actor,
    });
    // As when the borrower disputes in chat: the dispute waits in the queue until someone resolves it.
    const { handoff, created } = await tx.handoffs.open(borrower.id, "dispute", at, input.loanId);
    await tx.audit.append(
      commandAudit({
        actor: input.actor,
        action: "dispute.marked",
        subject: `borrower:${borrower.id}`,
        why,
        before: pauseSummary(before),
        after: pauseSummary(await tx.contact.activePauses(borrower.id, at)),
        details: { pauseId: pause.id, handoffId: handoff.id, handoffCreated: created },
        at,
      }),
    );
    return { pause, handoff, handoffCreated: created, borrowerName: borrower.name };
  });
}
