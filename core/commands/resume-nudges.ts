// "Resume": an agent lifts the manual pauses on a borrower; the planner looks at their loans again.
import type { Pause, PauseReason } from "../ports/contact-controls.ts";
import { lookAgain } from "../ports/look-again.ts";
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";
import { pauseSummary } from "./pause-summary.ts";
import { requireBorrower } from "./records.ts";

/** Plan and promise pauses follow the borrower's own commitments; "resume" lifts the others. */
export const MANUAL_PAUSE_REASONS: readonly PauseReason[] = [
  "agent_hold",
  "hardship",
  "dispute",
  "unreachable",
];

export interface ResumeNudgesInput {
  readonly borrowerId: string;
  readonly actor: string;
  readonly at: string;
}

export interface ResumeNudgesResult {
  readonly lifted: readonly Pause[];
  readonly borrowerName: string;
}

/** Lifts the manual pauses, brings the next look forward, and audits, together. */
export async function resumeNudges(
  store: Store,
  input: ResumeNudgesInput,
): Promise<ResumeNudgesResult> {
  const { at } = input;
  return store.atomic(async (tx) => {
    const borrower = await requireBorrower(tx, input.borrowerId);
    const before = await tx.contact.activePauses(borrower.id, at);
    const lifted = before.filter((p) => MANUAL_PAUSE_REASONS.includes(p.reason));
    for (const pause of lifted) await tx.contact.liftPause(pause.id, at);
    if (lifted.length > 0) await lookAgain(tx.loans, borrower.id, at);
    await tx.audit.append(
      commandAudit({
        actor: input.actor,
        action: "pause.lifted",
        subject: `borrower:${borrower.id}`,
        before: pauseSummary(before),
        after: pauseSummary(await tx.contact.activePauses(borrower.id, at)),
        details: { lifted: lifted.map((p) => p.id) },
        at,
      }),
    );
    return { lifted, borrowerName: borrower.name };
  });
}
