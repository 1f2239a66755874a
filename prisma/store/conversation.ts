// ConversationLog on Prisma: the latest messages of a borrower, oldest first.

import type { Channel, ConversationLog, ConversationMessage } from "../../core/ports/index.ts";
import { distinctIds, groupById, notFound, pageLimit } from "../../core/store/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { arrayLiteral } from "./bulk-insert.ts";
import { batchCalls } from "./call-batcher.ts";
import { dbInstant } from "./instants.ts";
import {
  insertMessageBatches,
  insertMessages,
  type MessageBatch,
  messageBatch,
} from "./message-insert.ts";
import { isForeignKeyViolation } from "./prisma-errors.ts";
import { sqlStatements } from "./sql-statements.ts";
import { nextUuidV7 } from "./uuid-v7.ts";

/** The columns a message is read back from, by the ORM or by raw SQL. */
export interface MessageRow {
  readonly borrowerId: string;
  readonly channel: string;
  readonly direction: string;
  readonly text: string;
  readonly at: Date;
  readonly author: string;
}

function messageFromRow(row: MessageRow): ConversationMessage {
  return {
    borrowerId: row.borrowerId,
    channel: row.channel as Channel,
    direction: row.direction as ConversationMessage["direction"],
    text: row.text,
    at: row.at.toISOString(),
    author: row.author,
  };
}

/** Message rows of many borrowers, oldest first, as recentFor gives them. */
export function messagesByBorrower(
  borrowerIds: readonly string[],
  rows: readonly MessageRow[],
): Map<string, ConversationMessage[]> {
  return groupById(borrowerIds, rows.map(messageFromRow), (message) => message.borrowerId);
}

/**
 * The conversation log on `prisma`. With `batch`, the appendMany calls of chats that write at
 * once (in one turn of the event loop, or while such a write runs) share one INSERT
 * (call-batcher.ts), each still all or none: for the store outside transactions.
 */
export function prismaConversation(
  prisma: PrismaClient,
  options: { readonly batch?: boolean } = {},
): ConversationLog {
  const sql = sqlStatements(prisma);
  const writeOne = (batch: MessageBatch) => insertMessages(prisma, sql, batch);
  const write = options.batch
    ? batchCalls({ one: writeOne, many: (batches) => insertMessageBatches(sql, batches) })
    : writeOne;
  return {
    async append(message) {
      const at = dbInstant(message.at, "at");
      // One raw INSERT (every turn logs two messages; the client's create costs far more CPU).
      // Ids come from one increasing UUIDv7 source, as Prisma's default did, so same-instant
      // messages keep append order. No row written: the borrower is not there.
      let written: number;
      try {
        written = await prisma.$executeRaw`
          INSERT INTO conversation_messages (id, borrower_id, channel, direction, text, at, author)
          SELECT ${nextUuidV7()}, b.id, ${message.channel}::channel,
                 ${message.direction}::message_direction, ${message.text},
                 ${at.toISOString()}::timestamptz, ${message.author}
          FROM borrowers b WHERE b.id = ${message.borrowerId}`;
      } catch (error) {
        throw isForeignKeyViolation(error) ? notFound("borrower", message.borrowerId) : error;
      }
      if (written === 0) throw notFound("borrower", message.borrowerId);
    },

    async appendMany(messages) {
      if (messages.length === 0) return;
      // One INSERT for the whole batch (a turn's two messages: one round trip, not two), ids in
      // append order as append gives them; the instants are checked before any batching.
      await write(messageBatch(messages));
    },

    async recent(borrowerId, limit) {
      const take = pageLimit(limit);
      if (take === 0) return [];
      // Ids are UUIDv7, increasing within a process: same-instant messages keep append order.
      const rows = await prisma.conversationMessage.findMany({
        where: { borrowerId },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take,
      });
      return rows.reverse().map(messageFromRow);
    },

    async recentFor(borrowerIds, limit) {
      const take = pageLimit(limit);
      const ids = distinctIds(borrowerIds);
      if (ids.length === 0 || take === 0) return new Map(ids.map((id) => [id, []]));
      // LATERAL: each borrower's latest `take` by the (borrower_id, at) index, as `recent` reads.
      const rows = await prisma.$queryRawUnsafe<MessageRow[]>(
        `SELECT m.borrower_id AS "borrowerId", m.channel::text AS channel,
                m.direction::text AS direction, m.text, m.at, m.author
         FROM unnest($1::text[]) AS b(id)
         CROSS JOIN LATERAL (
           SELECT * FROM conversation_messages c
           WHERE c.borrower_id = b.id
           ORDER BY c.at DESC, c.id DESC
           LIMIT $2::int
         ) AS m
         ORDER BY m.at ASC, m.id ASC`,
        arrayLiteral(ids),
        take,
      );
      return messagesByBorrower(ids, rows);
    },
  };
}
