// Private chats as the fake remembers them: per-chat message ids, the users seen, the bot's messages.
import type { Chat, InlineKeyboardMarkup, User } from "grammy/types";
import type { TelegramUserInput } from "./types.ts";

/** A bot message in its current state, after any edits. */
export interface StoredMessage {
  message_id: number;
  chat_id: number;
  /** Unix seconds, as in the Bot API. */
  date: number;
  text: string;
  reply_markup?: unknown;
  entities?: unknown;
  edit_date?: number;
}

const DEFAULT_FIRST_NAME = "Borrower";

export class ChatStore {
  readonly #lastMessageId = new Map<number, number>();
  readonly #users = new Map<number, User>();
  readonly #botMessages = new Map<string, StoredMessage>();

  /** Message ids count up per chat and are shared by both sides, as in Telegram. */
  nextMessageId(chatId: number): number {
    const id = (this.#lastMessageId.get(chatId) ?? 0) + 1;
    this.#lastMessageId.set(chatId, id);
    return id;
  }

  rememberUser(input: TelegramUserInput): User {
    const known = this.#users.get(input.id);
    const user: User = {
      id: input.id,
      is_bot: false,
      first_name: input.first_name ?? known?.first_name ?? DEFAULT_FIRST_NAME,
      ...pick(input.last_name ?? known?.last_name, "last_name"),
      ...pick(input.username ?? known?.username, "username"),
      ...pick(input.language_code ?? known?.language_code, "language_code"),
    };
    this.#users.set(input.id, user);
    return user;
  }

  /** The private chat with `chatId`, named after the user once they have written to the bot. */
  chat(chatId: number): Chat.PrivateChat {
    const user = this.#users.get(chatId);
    return {
      id: chatId,
      type: "private",
      first_name: user?.first_name ?? DEFAULT_FIRST_NAME,
      ...pick(user?.last_name, "last_name"),
      ...pick(user?.username, "username"),
    };
  }

  saveBotMessage(message: StoredMessage): void {
    this.#botMessages.set(key(message.chat_id, message.message_id), message);
  }

  findBotMessage(chatId: number, messageId: number): StoredMessage | undefined {
    return this.#botMessages.get(key(chatId, messageId));
  }
}

function key(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}

/** `{ [name]: value }` when value is set, `{}` otherwise, so absent fields stay absent in JSON. */
export function pick<K extends string, V>(value: V | undefined, name: K): { [P in K]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: V };
}

/** Telegram echoes only inline keyboards on a Message; reply keyboards stay client-side. */
export function isInlineKeyboard(markup: unknown): markup is InlineKeyboardMarkup {
  return typeof markup === "object" && markup !== null && "inline_keyboard" in markup;
}
