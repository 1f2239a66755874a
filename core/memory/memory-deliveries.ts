// In-memory NudgeDeliveries: remembers which rows each sent message carried, by watching markSent.
import type { Delivery, NudgeDeliveries } from "../ports/deliveries.ts";
import type { Outbox } from "../ports/outbox.ts";
import { toInstant } from "../store/instant.ts";

/** The outbox, noting each sent message's rows, and the deliveries reported for them. */
export function withDeliveries(outbox: Outbox): { outbox: Outbox; deliveries: NudgeDeliveries } {
  const rowsOf = new Map<string, string[]>();
  const reported = new Map<string, Delivery>();
  const tracked: Outbox = {
    ...outbox,
    async markSent(id, providerMessageId, at) {
      await outbox.markSent(id, providerMessageId, at);
      rowsOf.set(providerMessageId, [...(rowsOf.get(providerMessageId) ?? []), id]);
    },
  };
  const deliveries: NudgeDeliveries = {
    async record(providerMessageId, status, errorCode, at) {
      const ids = rowsOf.get(providerMessageId) ?? [];
      for (const nudgeId of ids) {
        reported.set(nudgeId, {
          nudgeId,
          providerMessageId,
          status,
          ...(errorCode ? { errorCode } : {}),
          at: toInstant(at, "at"),
        });
      }
      return ids.length;
    },
    async forMessage(providerMessageId) {
      return (rowsOf.get(providerMessageId) ?? [])
        .map((id) => reported.get(id))
        .filter((delivery): delivery is Delivery => delivery !== undefined)
        .sort((a, b) => (a.nudgeId < b.nudgeId ? -1 : 1));
    },
  };
  return { outbox: tracked, deliveries };
}
