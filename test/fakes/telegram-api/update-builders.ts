// Realistic private-chat updates a borrower would cause: text (with /command entities), buttons, contact.
import type { MessageEntity, User } from "grammy/types";
import type { ChatStore } from "./chat-store.ts";
import { isInlineKeyboard, pick } from "./chat-store.ts";
import type { SharedContact, TelegramUserInput, UpdateWithoutId } from "./types.ts";

export interface UpdateBuilders {
  userMessage(from: TelegramUserInput, text: string): UpdateWithoutId;
  callbackQuery(
    from: TelegramUserInput,
    data: string,
    message?: { message_id: number; chat_id: number },
  ): UpdateWithoutId;
  contactMessage(from: TelegramUserInput, contact: SharedContact): UpdateWithoutId;
}

export function createUpdateBuilders(chats: ChatStore, bot: User): UpdateBuilders {
  let callbackCounter = 0;

  const incoming = (from: TelegramUserInput) => {
    const user = chats.rememberUser(from);
    return {
      message_id: chats.nextMessageId(from.id),
      from: user,
      chat: chats.chat(from.id),
      date: unixNow(),
    };
  };

  return {
    userMessage(from, text) {
      const entities = commandEntities(text);
      return {
        message: { ...incoming(from), text, ...(entities.length > 0 ? { entities } : {}) },
      };
    },

    contactMessage(from, contact) {
      const user = chats.rememberUser(from);
      return {
        message: {
          ...incoming(from),
          contact: {
            phone_number: contact.phone_number,
            first_name: contact.first_name ?? user.first_name,
            ...pick(contact.last_name, "last_name"),
            ...pick(contact.user_id, "user_id"),
          },
        },
      };
    },

    callbackQuery(from, data, message) {
      const user = chats.rememberUser(from);
      callbackCounter += 1;
      return {
        callback_query: {
          id: `${from.id}${String(callbackCounter).padStart(6, "0")}`,
          from: user,
          chat_instance: `-${from.id}`,
          data,
          ...(message === undefined ? {} : { message: buttonMessage(chats, bot, message) }),
        },
      };
    },
  };
}

/** The bot message that carried the pressed button, as the fake last left it. */
function buttonMessage(chats: ChatStore, bot: User, ref: { message_id: number; chat_id: number }) {
  const stored = chats.findBotMessage(ref.chat_id, ref.message_id);
  return {
    message_id: ref.message_id,
    from: bot,
    chat: chats.chat(ref.chat_id),
    date: stored?.date ?? unixNow(),
    text: stored?.text ?? "",
    ...(isInlineKeyboard(stored?.reply_markup) ? { reply_markup: stored.reply_markup } : {}),
  };
}

/** Telegram marks every /command (optionally @botname) that starts a word. */
export function commandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const match of text.matchAll(/(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)/g)) {
    const offset = (match.index ?? 0) + (match[1]?.length ?? 0);
    entities.push({ type: "bot_command", offset, length: match[2]!.length });
  }
  return entities;
}

export function unixNow(): number {
  return Math.floor(Date.now() / 1_000);
}
