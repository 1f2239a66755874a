// Outbox.planMany on Prisma: a page of planned nudges in one statement, the rows already holding taken keys read in it too
// (and, for the planner's page write, the page's loans' next looks set in the same statement).
import type { NudgeRow, PlannedNudge } from "../../core/ports/index.ts";
import type { NudgeOutbox as OutboxRow, PrismaClient } from "../../generated/prisma/client.ts";
import { arrayLiteral } from "./bulk-insert.ts";
import { dbInstant } from "./instants.ts";
import { isForeignKeyViolation, isRawForeignKeyViolation } from "./prisma-errors.ts";
import { uuidV7s } from "./uuid-v7.ts";

type Planned = { row: NudgeRow; created: boolean };

/** The columns NudgeRow is made of, and the names the client gives them. */
const COLUMNS = [
  ["id", "id"],
  ["dedupe_key", "dedupeKey"],
  ["borrower_id", "borrowerId"],
  ["loan_id", "loanId"],
  ["kind", "kind"],
  ["channel::text", "channel"],
  ["planned_for", "plannedFor"],
  ["reason_codes", "reasonCodes"],
  ["status::text", "status"],
  ["attempts", "attempts"],
  ["provider_message_id", "providerMessageId"],
  ["claimed_by", "claimedBy"],
  ["claimed_until", "claimedUntil"],
  ["claimed_at", "claimedAt"],
  ["send_started_at", "sendStartedAt"],
  ["last_error", "lastError"],
  ["sent_at", "sentAt"],
] as const;
const ROW = COLUMNS.map(([column, name]) => `${column} AS "${name}"`).join(", ");
/** An inserted row comes back as its id alone: the rest is what the statement was given. */
const ID_ONLY = COLUMNS.map(([, name]) => (name === "id" ? "id" : `NULL AS "${name}"`)).join(", ");

/**
 * One statement: the nudges whose dedupe key is free are inserted (ON CONFLICT DO NOTHING, as
 * plan() does) and their ids returned with created = true; the rows that held the other keys
 * before it ran (the statement's snapshot) come back whole with created = false. One text
 * array per column. Status and attempts are written, not left to the column defaults, so the
 * rows built from the input are what was stored.
 */
const planMany = (moves: boolean) => `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                         $7::text[], $8::text[])
      WITH ORDINALITY AS u(id, dedupe_key, borrower_id, loan_id, kind, channel, planned_for,
                           reason_codes, ord)
  ), ${moves ? MOVED : ""}inserted AS (
    INSERT INTO nudge_outbox (id, dedupe_key, borrower_id, loan_id, kind, channel, planned_for,
                              reason_codes, status, attempts, updated_at)
    SELECT id, dedupe_key, borrower_id, loan_id, kind, channel::channel,
           planned_for::timestamptz, reason_codes::text[], 'planned', 0, CURRENT_TIMESTAMP
    FROM input ORDER BY ord
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id
  )
  SELECT true AS created, ${ID_ONLY} FROM inserted
  UNION ALL
  SELECT false AS created, ${ROW} FROM nudge_outbox
  WHERE dedupe_key IN (SELECT dedupe_key FROM input)`;

/**
 * loans.setNextNudgeAtMany's UPDATE as a part of the same statement ($9 ids, $10 instants, a
 * null one clears): PostgreSQL runs a data-modifying WITH part to completion whether or not
 * the rest reads it, and the whole statement commits or fails as one.
 */
const MOVED = `moved AS (
    UPDATE loans AS l
    SET next_nudge_at = m.at::timestamptz, updated_at = CURRENT_TIMESTAMP
    FROM unnest($9::text[], $10::text[]) AS m(id, at)
    WHERE l.id = m.id
  ), `;
const PLAN_MANY = planMany(false);
const PLAN_MANY_AND_MOVE = planMany(true);

/** Loans' next looks (nextNudgesById's map) written with the nudges, and what to do after a fallback. */
export interface NextLooks {
  readonly moves: ReadonlyMap<string, string | undefined>;
  readonly afterFallback: () => Promise<unknown>;
}

/**
 * Plans every nudge in one round trip. A missing borrower or loan fails the whole statement;
 * the nudges are then planned one by one, so the error names the row as plan() does. A key a
 * concurrent planner took while the statement ran is read once more.
 */
export async function planNudges(
  prisma: PrismaClient,
  nudges: readonly PlannedNudge[],
  fromRow: (row: OutboxRow) => NudgeRow,
  planOne: (nudge: PlannedNudge) => Promise<Planned>,
  next?: NextLooks,
): Promise<Planned[]> {
  if (nudges.length === 0) return [];
  // Sorted: ids of one page ascend in planning order, as the client's uuid(7) ids do.
  const ids = uuidV7s(nudges.length).sort();
  const plannedFor = nudges.map((nudge) => dbInstant(nudge.plannedFor, "plannedFor").toISOString());
  let rows: (OutboxRow & { created: boolean })[];
  try {
    const moves = next ? [...next.moves] : [];
    rows = await prisma.$queryRawUnsafe(
      next ? PLAN_MANY_AND_MOVE : PLAN_MANY,
      arrayLiteral(ids),
      arrayLiteral(nudges.map((nudge) => nudge.dedupeKey)),
      arrayLiteral(nudges.map((nudge) => nudge.borrowerId)),
      arrayLiteral(nudges.map((nudge) => nudge.loanId ?? null)),
      arrayLiteral(nudges.map((nudge) => nudge.kind)),
      arrayLiteral(nudges.map((nudge) => nudge.channel)),
      arrayLiteral(plannedFor),
      arrayLiteral(nudges.map((nudge) => arrayLiteral(nudge.reasonCodes))),
      ...(next
        ? [arrayLiteral(moves.map(([id]) => id)), arrayLiteral(moves.map(([, at]) => at ?? null))]
        : []),
    );
  } catch (error) {
    if (!isForeignKeyViolation(error) && !isRawForeignKeyViolation(error)) throw error;
    const results: Planned[] = [];
    for (const nudge of nudges) results.push(await planOne(nudge));
    await next?.afterFallback();
    return results;
  }
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  const created = new Map<string, NudgeRow>();
  const standing = new Map<string, NudgeRow>();
  for (const { created: fresh, ...row } of rows) {
    if (!fresh) {
      standing.set(row.dedupeKey, fromRow(row));
      continue;
    }
    const index = indexOf.get(row.id) as number;
    const nudge = nudges[index] as PlannedNudge;
    created.set(nudge.dedupeKey, insertedRow(row.id, nudge, plannedFor[index] as string));
  }
  const raced = nudges
    .map((nudge) => nudge.dedupeKey)
    .filter((key) => !created.has(key) && !standing.has(key));
  if (raced.length > 0) {
    const rows = await prisma.nudgeOutbox.findMany({ where: { dedupeKey: { in: raced } } });
    for (const row of rows) standing.set(row.dedupeKey, fromRow(row));
  }
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

/** A row the statement inserted, as fromRow reads it back: the nudge as written, planned, not yet tried. */
function insertedRow(id: string, nudge: PlannedNudge, plannedFor: string): NudgeRow {
  return {
    id,
    dedupeKey: nudge.dedupeKey,
    borrowerId: nudge.borrowerId,
    ...(nudge.loanId ? { loanId: nudge.loanId } : {}),
    kind: nudge.kind,
    channel: nudge.channel,
    plannedFor,
    reasonCodes: [...nudge.reasonCodes],
    status: "planned",
    attempts: 0,
  };
}
