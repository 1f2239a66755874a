// When a nudge may carry its one-line invitation to a lesson: at most once every 14 days per borrower.
import { daysBetween } from "../dates/iso-date.ts";
import type { AuditLog } from "../ports/audit.ts";

/** The audit action that records an invitation sent with a nudge. */
export const LESSON_INVITED = "lesson.invited";
export const INVITE_EVERY_DAYS = 14;

/**
 * True when no invitation went to the borrower in the last 14 days (by UTC date of `now`).
 * @example await learnInviteDue(store.audit, borrower.id, "2026-04-01T14:00:00Z")
 */
export async function learnInviteDue(
  audit: AuditLog,
  borrowerId: string,
  now: string,
): Promise<boolean> {
  const entries = await audit.forSubject(`borrower:${borrowerId}`, 200);
  const last = entries.find((entry) => entry.action === LESSON_INVITED);
  if (!last) return true;
  return daysBetween(last.at.slice(0, 10), now.slice(0, 10)) >= INVITE_EVERY_DAYS;
}

/** Records that a nudge carried the invitation: the next one waits 14 days. */
export function recordLearnInvite(audit: AuditLog, borrowerId: string, at: string): Promise<void> {
  return audit.append({
    actor: "nudger",
    action: LESSON_INVITED,
    subject: `borrower:${borrowerId}`,
    payload: {},
    at,
  });
}
