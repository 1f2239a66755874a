// Writes what an agent looked at or said (searches, the queue, thread messages) to the audit log; actions that change anything go through core/commands.
import { commandAudit } from "../../core/commands/index.ts";
import type { SlackContext } from "./slack-context.ts";
import { agentActor } from "./slack-context.ts";

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
  const { agent, ...rest } = entry;
  await ctx.store.audit.append(
    commandAudit({ ...rest, actor: agentActor(agent), at: ctx.now().toISOString() }),
  );
}
