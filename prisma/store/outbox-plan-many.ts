// Outbox.planMany on Prisma: a page of planned nudges in one INSERT, taken keys read in one more.
import type { NudgeRow, PlannedNudge } from "../../core/ports/index.ts";
import type { NudgeOutbox as OutboxRow, PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";
import { isForeignKeyViolation } from "./prisma-errors.ts";

type Planned = { row: NudgeRow; created: boolean };

/**
 * Inserts every nudge whose dedupe key is free (ON CONFLICT DO NOTHING, as plan() does), then
 * reads the rows that already held the other keys. A missing borrower or loan fails the whole
 * insert; the nudges are then planned one by one, so the error names the row as plan() does.
 */
export async function planNudges(
  prisma: PrismaClient,
  nudges: readonly PlannedNudge[],
  fromRow: (row: OutboxRow) => NudgeRow,
  planOne: (nudge: PlannedNudge) => Promise<Planned>,
): Promise<Planned[]> {
  if (nudges.length === 0) return [];
  let inserted: OutboxRow[];
  try {
    inserted = await prisma.nudgeOutbox.createManyAndReturn({
      data: nudges.map((nudge) => ({
        dedupeKey: nudge.dedupeKey,
        borrowerId: nudge.borrowerId,
        loanId: nudge.loanId ?? null,
        kind: nudge.kind,
        channel: nudge.channel,
        plannedFor: dbInstant(nudge.plannedFor, "plannedFor"),
        reasonCodes: [...nudge.reasonCodes],
      })),
      skipDuplicates: true,
    });
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    const results: Planned[] = [];
    for (const nudge of nudges) results.push(await planOne(nudge));
    return results;
  }
  const created = new Map(inserted.map((row) => [row.dedupeKey, fromRow(row)]));
  const taken = nudges.map((n) => n.dedupeKey).filter((key) => !created.has(key));
  const standing = new Map(
    taken.length === 0
      ? []
      : (
          await prisma.nudgeOutbox.findMany({ where: { dedupeKey: { in: [...new Set(taken)] } } })
        ).map((row) => [row.dedupeKey, fromRow(row)]),
  );
  const handedOut = new Set<string>();
  return nudges.map((nudge) => {
    const key = nudge.dedupeKey;
    const fresh = created.get(key);
    if (fresh && !handedOut.has(key)) {
      handedOut.add(key);
      return { row: fresh, created: true };
    }
    const row = fresh ?? standing.get(key);
    if (!row) throw new Error(`nudge ${key} was skipped as a duplicate but is gone`);
    return { row, created: false };
  });
}
