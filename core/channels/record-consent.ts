// Records a consent event and keeps the per-channel opt-outs the policy reads in step with it.
import type { ContactControls } from "../ports/contact-controls.ts";
import type { ConsentEvent, ConsentLog } from "../ports/contact-points.ts";

export interface ConsentPorts {
  readonly consent: ConsentLog;
  readonly contact: ContactControls;
}

/**
 * Appends `event` to the consent log; an opt-out stops automated messages on its channel at
 * once, an opt-in lifts that channel's opt-out. An address change only goes on record (the SMS
 * consent it voids is read from the log).
 *
 * @example await recordConsent(store, { borrowerId, channel: "sms", kind: "opt_out", source: "sms:STOP", address: "+447700900123", at })
 */
export async function recordConsent(
  ports: ConsentPorts,
  event: Omit<ConsentEvent, "id">,
): Promise<ConsentEvent> {
  const recorded = await ports.consent.append(event);
  if (event.kind === "opt_out")
    await ports.contact.optOut(event.borrowerId, event.channel, event.at);
  if (event.kind === "opt_in") await ports.contact.optIn(event.borrowerId, event.channel);
  return recorded;
}
