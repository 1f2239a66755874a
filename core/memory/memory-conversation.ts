// In-memory ConversationLog: every message, read back as the latest few, oldest first.
import type { ConversationLog, ConversationMessage } from "../ports/conversation.ts";
import { groupById } from "../store/group-by-id.ts";
import { toInstant } from "../store/instant.ts";
import { pageLimit } from "../store/page-limit.ts";
import { type MemoryContext, requireBorrower } from "./memory-context.ts";

/** Oldest first; a stable sort, so messages at the same instant keep their append order. */
function byTime(messages: ConversationMessage[]): ConversationMessage[] {
  return messages.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1));
}

export function memoryConversation(context: MemoryContext): ConversationLog {
  const messages: ConversationMessage[] = [];

  const checked = (message: ConversationMessage): ConversationMessage => {
    requireBorrower(context, message.borrowerId);
    return {
      borrowerId: message.borrowerId,
      channel: message.channel,
      direction: message.direction,
      text: message.text,
      at: toInstant(message.at, "at"),
      author: message.author,
    };
  };

  return {
    async append(message) {
      messages.push(checked(message));
    },

    async appendMany(batch) {
      // Every message checked before any is kept: all or none.
      messages.push(...batch.map(checked));
    },

    async recent(borrowerId, limit) {
      const count = pageLimit(limit);
      if (count === 0) return [];
      return byTime(messages.filter((message) => message.borrowerId === borrowerId)).slice(-count);
    },

    async recentFor(borrowerIds, limit) {
      const count = pageLimit(limit);
      const wanted = new Set(borrowerIds);
      const found = byTime(messages.filter((message) => wanted.has(message.borrowerId)));
      const groups = groupById(borrowerIds, found, (message) => message.borrowerId);
      for (const [id, group] of groups) groups.set(id, count === 0 ? [] : group.slice(-count));
      return groups;
    },
  };
}
