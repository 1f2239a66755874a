// After a proposed plan was sent to the borrower: the message joins the conversation, or the failure is audited.
import type { Channel } from "../ports/identities.ts";
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";

export interface PlanDeliveryInput {
  readonly planId: string;
  readonly loanId: string;
  readonly borrowerId: string;
  readonly channel: Channel;
  /** The text the borrower was sent. */
  readonly text: string;
  readonly delivered: boolean;
  readonly actor: string;
  readonly at: string;
}

/** Sending happens outside any transaction; this records what came of it. */
export async function recordPlanDelivery(
  store: Pick<Store, "conversation" | "audit">,
  input: PlanDeliveryInput,
): Promise<void> {
  if (input.delivered) {
    await store.conversation.append({
      borrowerId: input.borrowerId,
      channel: input.channel,
      direction: "outbound",
      text: input.text,
      at: input.at,
      author: input.actor,
    });
    return;
  }
  await store.audit.append(
    commandAudit({
      actor: input.actor,
      action: "plan.not_delivered",
      subject: `loan:${input.loanId}`,
      details: { planId: input.planId, borrowerId: input.borrowerId, channel: input.channel },
      at: input.at,
    }),
  );
}
