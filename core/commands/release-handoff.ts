// "Release to assistant": the claiming agent hands the conversation back; the assistant answers again.
import { DomainError } from "../errors/domain-error.ts";
import type { Handoff } from "../ports/handoffs.ts";
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";
import { CommandErrorCode } from "./command-errors.ts";

export interface ReleaseHandoffInput {
  readonly handoffId: string;
  readonly actor: string;
  readonly at: string;
}

/**
 * Releases and audits, together. HANDOFF_NOT_FOUND, HANDOFF_NOT_ACTIVE (released already: a
 * second press) or HANDOFF_NOT_CLAIMER (`details.claimedBy` holds it) write nothing.
 * Returns the handoff as it was, with its thread.
 */
export async function releaseHandoff(store: Store, input: ReleaseHandoffInput): Promise<Handoff> {
  return store.atomic(async (tx) => {
    const handoff = await tx.handoffs.byId(input.handoffId);
    if (!handoff) {
      throw new DomainError(CommandErrorCode.HandoffNotFound, `no handoff ${input.handoffId}`, {
        handoffId: input.handoffId,
      });
    }
    if (handoff.status === "released") {
      throw new DomainError(
        CommandErrorCode.HandoffNotActive,
        `handoff ${handoff.id} was released already`,
        { handoffId: handoff.id },
      );
    }
    if (handoff.claimedBy !== input.actor) {
      throw new DomainError(
        CommandErrorCode.HandoffNotClaimer,
        `handoff ${handoff.id} is held by ${handoff.claimedBy ?? "nobody"}`,
        { handoffId: handoff.id, claimedBy: handoff.claimedBy ?? null },
      );
    }
    await tx.handoffs.release(handoff.id, input.at);
    await tx.audit.append(
      commandAudit({
        actor: input.actor,
        action: "handoff.released",
        subject: `borrower:${handoff.borrowerId}`,
        before: { status: "claimed" },
        after: { status: "released" },
        details: { handoffId: handoff.id },
        at: input.at,
      }),
    );
    return handoff;
  });
}
