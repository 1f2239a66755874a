// "Claim": an agent takes a handed-over conversation; from then their thread replies reach the borrower.
import { DomainError } from "../errors/domain-error.ts";
import type { Borrower } from "../ports/borrowers.ts";
import type { Handoff } from "../ports/handoffs.ts";
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";
import { CommandErrorCode } from "./command-errors.ts";
import { requireBorrower } from "./records.ts";

export interface ClaimHandoffInput {
  readonly handoffId: string;
  /** Where the agent works the handoff: their messages there are relayed. */
  readonly thread: { readonly channel: string; readonly ts: string };
  readonly actor: string;
  readonly at: string;
}

export interface ClaimHandoffResult {
  readonly handoff: Handoff;
  readonly borrower: Borrower;
}

/**
 * Claims, records the thread and audits, together; HANDOFF_TAKEN when someone else claimed it
 * first (or it is no longer open), and then nothing is written.
 */
export async function claimHandoff(
  store: Store,
  input: ClaimHandoffInput,
): Promise<ClaimHandoffResult> {
  return store.atomic(async (tx) => {
    const claimed = await tx.handoffs.claim(input.handoffId, input.actor, input.at);
    if (!claimed) {
      throw new DomainError(
        CommandErrorCode.HandoffTaken,
        `handoff ${input.handoffId} is not open`,
        {
          handoffId: input.handoffId,
        },
      );
    }
    await tx.handoffs.setThread(claimed.id, input.thread.channel, input.thread.ts);
    const borrower = await requireBorrower(tx, claimed.borrowerId);
    await tx.audit.append(
      commandAudit({
        actor: input.actor,
        action: "handoff.claimed",
        subject: `borrower:${borrower.id}`,
        before: { status: "open" },
        after: { status: "claimed", thread: input.thread.ts },
        details: { handoffId: claimed.id },
        at: input.at,
      }),
    );
    const handoff: Handoff = {
      ...claimed,
      slackChannel: input.thread.channel,
      slackThreadTs: input.thread.ts,
    };
    return { handoff, borrower };
  });
}
