// ConversationLog on Prisma: the latest messages of a borrower, oldest first.
import { pageLimit } from "../../core/memory/page-limit.ts";
import { notFound } from "../../core/memory/store-errors.ts";
import type { ConversationLog } from "../../core/ports/conversation.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";
import { isForeignKeyViolation } from "./prisma-errors.ts";

export function prismaConversation(prisma: PrismaClient): ConversationLog {
  return {
    async append(message) {
      try {
        await prisma.conversationMessage.create({
          data: {
            borrowerId: message.borrowerId,
            channel: message.channel,
            direction: message.direction,
            text: message.text,
            at: dbInstant(message.at, "at"),
            author: message.author,
          },
        });
      } catch (error) {
        throw isForeignKeyViolation(error) ? notFound("borrower", message.borrowerId) : error;
      }
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
      return rows.reverse().map((row) => ({
        borrowerId: row.borrowerId,
        channel: row.channel,
        direction: row.direction,
        text: row.text,
        at: row.at.toISOString(),
        author: row.author,
      }));
    },
  };
}
