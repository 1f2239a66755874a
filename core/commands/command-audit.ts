// The audit entry every command writes with its change: who, what, to whom, why, the state before and after.
import type { AuditEntry } from "../ports/audit.ts";

export interface CommandAudit {
  /** "agent:U123", "assistant", "telegram", ... */
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly why?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly at: string;
}

/**
 * One shape for every action's audit entry: why, before and after first, then the details.
 *
 * @example commandAudit({ actor: "agent:U1", action: "note.added", subject: "borrower:b1", why: "calls after 6pm", at })
 */
export function commandAudit(entry: CommandAudit): AuditEntry {
  return {
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    payload: {
      ...(entry.why !== undefined ? { why: entry.why } : {}),
      ...(entry.before !== undefined ? { before: entry.before } : {}),
      ...(entry.after !== undefined ? { after: entry.after } : {}),
      ...entry.details,
    },
    at: entry.at,
  };
}
