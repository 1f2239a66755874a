// In-memory ConversationLog: every message, read back as the latest few, oldest first.
import type { ConversationLog, ConversationMessage } from "../ports/conversation.ts";
import { toInstant } from "./instant.ts";
import { type MemoryContext, requireBorrower } from "./memory-context.ts";
import { pageLimit } from "./page-limit.ts";

export function memoryConversation(context: MemoryContext): ConversationLog {
  const messages: ConversationMessage[] = [];

  return {
    async append(message) {
      requireBorrower(context, message.borrowerId);
      messages.push({
        borrowerId: message.borrowerId,
        channel: message.channel,
        direction: message.direction,
        text: message.text,
        at: toInstant(message.at, "at"),
        author: message.author,
      });
    },

    async recent(borrowerId, limit) {
      const count = pageLimit(limit);
      if (count === 0) return [];
      // Stable sort: messages at the same instant keep the order they were appended in.
      return messages
        .filter((message) => message.borrowerId === borrowerId)
        .sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1))
        .slice(-count);
    },
  };
}
