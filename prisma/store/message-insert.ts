// Conversation messages into the log with raw INSERTs: one turn's messages all or none, many turns in one statement.
import type { ConversationMessage } from "../../core/ports/index.ts";
import { distinctIds, notFound } from "../../core/store/index.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { arrayLiteral } from "./bulk-insert.ts";
import { RUN_ALONE } from "./call-batcher.ts";
import { dbInstant } from "./instants.ts";
import { isForeignKeyViolation, isRawForeignKeyViolation } from "./prisma-errors.ts";
import type { SqlStatements } from "./sql-statements.ts";
import { nextUuidV7 } from "./uuid-v7.ts";

/** One appendMany's messages with their ids and checked instants: written all or none. */
export interface MessageBatch {
  readonly messages: readonly ConversationMessage[];
  readonly ids: readonly string[];
  /** UTC ISO instants, one per message. */
  readonly ats: readonly string[];
}

/**
 * `messages` ready to write (INVALID_INSTANT for a bad `at`). Ids come from one increasing
 * UUIDv7 source, as Prisma's default did, so same-instant messages keep append order.
 */
export function messageBatch(messages: readonly ConversationMessage[]): MessageBatch {
  const ats = messages.map((message) => dbInstant(message.at, "at").toISOString());
  return { messages, ids: messages.map(() => nextUuidV7()), ats };
}

/** The unnest(...) arrays of `batches`' messages in order, each tagged with its batch's index. */
function unnestArrays(batches: readonly MessageBatch[]) {
  const all = batches.flatMap((batch) => batch.messages);
  const column = (pick: (message: ConversationMessage) => string) => arrayLiteral(all.map(pick));
  return {
    ids: arrayLiteral(batches.flatMap((batch) => batch.ids)),
    ats: arrayLiteral(batches.flatMap((batch) => batch.ats)),
    batches: arrayLiteral(batches.flatMap((batch, i) => batch.messages.map(() => String(i)))),
    borrowerIds: column((m) => m.borrowerId),
    channels: column((m) => m.channel),
    directions: column((m) => m.direction),
    texts: column((m) => m.text),
    authors: column((m) => m.author),
  };
}

/**
 * Writes one batch in one INSERT through `sql`: nothing unless every borrower is there
 * (NOT_FOUND naming the first one missing, read through `prisma`).
 */
export async function insertMessages(
  prisma: PrismaClient,
  sql: SqlStatements,
  batch: MessageBatch,
): Promise<void> {
  const a = unnestArrays([batch]);
  const borrowerIds = distinctIds(batch.messages.map((message) => message.borrowerId));
  let written: number;
  try {
    written = await sql.execute(Prisma.sql`
      INSERT INTO conversation_messages (id, borrower_id, channel, direction, text, at, author)
      SELECT m.id, m.borrower_id, m.channel::channel, m.direction::message_direction,
             m.text, m.at::timestamptz, m.author
      FROM unnest(${a.ids}::text[], ${a.borrowerIds}::text[], ${a.channels}::text[],
                  ${a.directions}::text[], ${a.texts}::text[], ${a.ats}::text[], ${a.authors}::text[])
           AS m(id, borrower_id, channel, direction, text, at, author)
      WHERE (SELECT count(*) FROM borrowers b WHERE b.id = ANY(${arrayLiteral(borrowerIds)}::text[]))
            = ${borrowerIds.length}`);
  } catch (error) {
    throw isForeignKeyViolation(error) || isRawForeignKeyViolation(error)
      ? notFound("borrower", borrowerIds.join(", "))
      : error;
  }
  if (written === 0) throw notFound("borrower", await missingBorrower(prisma, borrowerIds));
}

/**
 * Writes many batches in one INSERT through `sql`, each all or none: a batch with a borrower
 * missing is left out and answered RUN_ALONE (insertMessages then says which borrower), the
 * others are written. A borrower deleted while the statement runs fails the whole statement.
 */
export async function insertMessageBatches(
  sql: SqlStatements,
  batches: readonly MessageBatch[],
): Promise<(undefined | typeof RUN_ALONE)[]> {
  const a = unnestArrays(batches);
  const rows = await sql.rows<{ id: string }>(Prisma.sql`
    WITH m AS (
      SELECT * FROM unnest(${a.ids}::text[], ${a.borrowerIds}::text[], ${a.channels}::text[],
                           ${a.directions}::text[], ${a.texts}::text[], ${a.ats}::text[],
                           ${a.authors}::text[], ${a.batches}::text[])
             AS u(id, borrower_id, channel, direction, text, at, author, batch)
    )
    INSERT INTO conversation_messages (id, borrower_id, channel, direction, text, at, author)
    SELECT m.id, m.borrower_id, m.channel::channel, m.direction::message_direction,
           m.text, m.at::timestamptz, m.author
    FROM m
    WHERE NOT EXISTS (
      SELECT 1 FROM m o
      WHERE o.batch = m.batch AND NOT EXISTS (SELECT 1 FROM borrowers b WHERE b.id = o.borrower_id)
    )
    RETURNING id`);
  const written = new Set(rows.map((row) => row.id));
  return batches.map((batch) => (written.has(batch.ids[0] as string) ? undefined : RUN_ALONE));
}

/** The first of `ids` with no borrowers row (for the NOT_FOUND of a refused batch). */
async function missingBorrower(prisma: PrismaClient, ids: readonly string[]): Promise<string> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM borrowers WHERE id = ANY(${arrayLiteral(ids)}::text[])`;
  const present = new Set(rows.map((row) => row.id));
  return ids.find((id) => !present.has(id)) ?? ids.join(", ");
}
