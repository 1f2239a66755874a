// Marks a borrower's channel dead after a permanent send failure, so the policy stops using it.

import { unreachableChannelOf } from "../../core/policy/index.ts";
import type { Channel, Store } from "../../core/ports/index.ts";

/** Permanent failures that mean the chat itself is gone, not that this one message was bad. */
export const UNREACHABLE_REASONS: ReadonlySet<string> = new Set([
  "BLOCKED_BY_USER",
  "CHAT_NOT_FOUND",
  "USER_DEACTIVATED",
  // An SMTP server refused the recipient: the mailbox does not exist or takes no mail.
  "MAILBOX_UNAVAILABLE",
]);

/**
 * Records an open-ended "unreachable" pause naming the channel in `createdBy`
 * ("nudger:telegram"), once; the policy then answers CHANNEL_UNREACHABLE until someone lifts
 * it (an agent, or the bot when the borrower writes again). Audited with the reason.
 */
export async function markUnreachable(
  store: Store,
  borrowerId: string,
  channel: Channel,
  reason: string,
  at: string,
): Promise<void> {
  const active = await store.contact.activePauses(borrowerId, at);
  const already = active.some(
    (p) => p.reason === "unreachable" && (unreachableChannelOf(p) ?? channel) === channel,
  );
  if (!already) {
    await store.contact.pause({
      borrowerId,
      reason: "unreachable",
      createdBy: `nudger:${channel}`,
    });
  }
  await store.audit.append({
    actor: "nudger",
    action: "channel.unreachable",
    subject: `borrower:${borrowerId}`,
    payload: { channel, reason, alreadyMarked: already },
    at,
  });
}
