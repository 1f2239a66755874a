// Each borrower's contact records, put together from one map per kind (memory and Prisma read them differently).
import type { BorrowerContactRecords } from "../ports/nudge-planning.ts";

/** One map per kind of record, by borrower id; a borrower missing from a map has none. */
export type ContactRecordsByKind = {
  readonly [Kind in keyof BorrowerContactRecords]: ReadonlyMap<
    string,
    NonNullable<BorrowerContactRecords[Kind]>
  >;
};

/**
 * @example contactRecordsFor(["b1"], kinds).get("b1")?.pauses // [] when b1 has none
 */
export function contactRecordsFor(
  ids: readonly string[],
  kinds: ContactRecordsByKind,
): Map<string, BorrowerContactRecords> {
  const records = new Map<string, BorrowerContactRecords>();
  for (const id of ids) {
    records.set(id, {
      identities: kinds.identities.get(id) ?? [],
      optedOut: kinds.optedOut.get(id) ?? [],
      pauses: kinds.pauses.get(id) ?? [],
      sent: kinds.sent.get(id) ?? [],
      conversation: kinds.conversation.get(id) ?? [],
      handoff: kinds.handoff.get(id),
      consent: kinds.consent.get(id) ?? [],
      preferences: kinds.preferences.get(id),
    });
  }
  return records;
}
