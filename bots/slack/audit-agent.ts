// Writes one agent action to the audit log: who, what, to whom, why, and the state before and after.
import type { AuditEntry } from "../../core/ports/index.ts";
import { agentActor, type SlackContext } from "./slack-context.ts";

export interface AgentAction {
  readonly agent: string;
  readonly action: string;
  readonly subject: string;
  readonly why?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly details?: Readonly<Record<string, unknown>>;
}

export async function auditAgent(ctx: SlackContext, entry: AgentAction): Promise<void> {
  await ctx.store.audit.append(agentAuditEntry(ctx, entry));
}

/** The audit entry for `entry`, for writes that store it in the same transaction as the change. */
export function agentAuditEntry(ctx: SlackContext, entry: AgentAction): AuditEntry {
  return {
    actor: agentActor(entry.agent),
    action: entry.action,
    subject: entry.subject,
    payload: {
      ...(entry.why !== undefined ? { why: entry.why } : {}),
      ...(entry.before !== undefined ? { before: entry.before } : {}),
      ...(entry.after !== undefined ? { after: entry.after } : {}),
      ...entry.details,
    },
    at: ctx.now().toISOString(),
  };
}
