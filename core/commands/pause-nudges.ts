// "Pause nudges": an agent holds automated reminders to a borrower for some days, or until lifted.
import { DomainError } from "../errors/domain-error.ts";
import type { Pause, PauseReason } from "../ports/contact-controls.ts";
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";
import { CommandErrorCode } from "./command-errors.ts";
import { pauseSummary } from "./pause-summary.ts";
import { requireBorrower } from "./records.ts";

/** The reasons an agent may pause for; "plan" and "unreachable" are set by the product itself. */
export const AGENT_PAUSE_REASONS = ["agent_hold", "hardship", "promise", "dispute"] as const;
/** The longest pause with an end date; longer holds are "until lifted". */
export const MAX_PAUSE_DAYS = 90;

export interface PauseNudgesInput {
  readonly borrowerId: string;
  readonly loanId?: string;
  readonly reason: PauseReason;
  /** Whole days from `at`; 0: until lifted. */
  readonly days: number;
  readonly why?: string;
  readonly actor: string;
  readonly at: string;
}

export interface PauseNudgesResult {
  readonly pause: Pause;
  readonly borrowerName: string;
}

/**
 * Writes the pause and its audit entry (active pauses before and after) together.
 *
 * @example await pauseNudges(store, { borrowerId, reason: "agent_hold", days: 7, actor: "agent:U1", at })
 */
export async function pauseNudges(
  store: Store,
  input: PauseNudgesInput,
): Promise<PauseNudgesResult> {
  const { days, reason } = input;
  if (!Number.isInteger(days) || days < 0 || days > MAX_PAUSE_DAYS) {
    throw new DomainError(
      CommandErrorCode.InvalidPause,
      `days: ${days} is not a whole number of days from 0 to ${MAX_PAUSE_DAYS}`,
      { field: "days", days },
    );
  }
  if (!(AGENT_PAUSE_REASONS as readonly string[]).includes(reason)) {
    throw new DomainError(
      CommandErrorCode.InvalidPause,
      `reason: "${reason}" is not one an agent sets`,
      {
        field: "reason",
        reason,
      },
    );
  }
  const until =
    days > 0 ? new Date(Date.parse(input.at) + days * 86_400_000).toISOString() : undefined;
  return store.atomic(async (tx) => {
    const borrower = await requireBorrower(tx, input.borrowerId);
    const before = await tx.contact.activePauses(borrower.id, input.at);
    const pause = await tx.contact.pause({
      borrowerId: borrower.id,
      ...(input.loanId ? { loanId: input.loanId } : {}),
      reason,
      ...(until ? { until } : {}),
      createdBy: input.actor,
    });
    await tx.audit.append(
      commandAudit({
        actor: input.actor,
        action: "pause.created",
        subject: `borrower:${borrower.id}`,
        ...(input.why !== undefined ? { why: input.why } : {}),
        before: pauseSummary(before),
        after: pauseSummary(await tx.contact.activePauses(borrower.id, input.at)),
        details: { pauseId: pause.id, reason, until: until ?? null },
        at: input.at,
      }),
    );
    return { pause, borrowerName: borrower.name };
  });
}
