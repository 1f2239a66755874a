// sendMessage, editMessageText, editMessageReplyMarkup and sendChatAction against private chats.
import type { User } from "grammy/types";
import { badRequest, descriptions, TelegramApiError, tooManyRequests } from "./api-error.ts";
import { isInlineKeyboard, pick, type StoredMessage } from "./chat-store.ts";
import type { FakeState, MethodHandler } from "./fake-state.ts";
import { numberParam, objectParam, type Params, stringParam } from "./read-params.ts";
import { unixNow } from "./update-builders.ts";

const MAX_TEXT_LENGTH = 4096;

export const sendMessage: MethodHandler = (params, state) => {
  const chatId = reachableChat(params, state);
  const text = messageText(params);
  const random = state.failures.drawRandom();
  if (random !== undefined) throw random;
  const now = Date.now();
  throttle(state, chatId, now);
  const message: StoredMessage = {
    message_id: state.chats.nextMessageId(chatId),
    chat_id: chatId,
    date: Math.floor(now / 1_000),
    text,
    ...pick(objectParam(params, "reply_markup"), "reply_markup"),
    ...pick(objectParam(params, "entities"), "entities"),
  };
  state.chats.saveBotMessage(message);
  state.sent.add({ method: "sendMessage", ...sentFields(message), at: now });
  return toApiMessage(message, state);
};

export const editMessageText: MethodHandler = (params, state) => {
  const inline = inlineEdit(params);
  if (inline !== undefined) return inline;
  const previous = messageToEdit(params, state);
  const edited: StoredMessage = {
    message_id: previous.message_id,
    chat_id: previous.chat_id,
    date: previous.date,
    text: messageText(params),
    ...pick(objectParam(params, "reply_markup"), "reply_markup"),
    ...pick(objectParam(params, "entities"), "entities"),
    edit_date: unixNow(),
  };
  assertModified(previous, edited);
  state.chats.saveBotMessage(edited);
  state.sent.add({ method: "editMessageText", ...sentFields(edited), at: Date.now() });
  return toApiMessage(edited, state);
};

export const editMessageReplyMarkup: MethodHandler = (params, state) => {
  const inline = inlineEdit(params);
  if (inline !== undefined) return inline;
  const previous = messageToEdit(params, state);
  const edited: StoredMessage = {
    ...withoutMarkup(previous),
    ...pick(objectParam(params, "reply_markup"), "reply_markup"),
    edit_date: unixNow(),
  };
  assertModified(previous, edited);
  state.chats.saveBotMessage(edited);
  return toApiMessage(edited, state);
};

export const sendChatAction: MethodHandler = (params, state) => {
  reachableChat(params, state);
  if (stringParam(params, "action") === undefined) {
    throw badRequest("Bad Request: wrong parameter action in request");
  }
  return true;
};

/** The target chat id, after the checks Telegram makes before delivering anything. */
function reachableChat(params: Params, state: FakeState): number {
  const raw = params.chat_id;
  if (raw === undefined || raw === "") throw badRequest(descriptions.chatIdEmpty);
  const chatId = numberParam(params, "chat_id");
  if (chatId === undefined || state.missing.has(chatId)) {
    throw badRequest(descriptions.chatNotFound);
  }
  if (state.blocked.has(chatId)) throw new TelegramApiError(403, descriptions.blocked);
  return chatId;
}

function messageText(params: Params): string {
  const text = stringParam(params, "text") ?? "";
  if (text.trim() === "") throw badRequest(descriptions.textEmpty);
  if (text.length > MAX_TEXT_LENGTH) throw badRequest("Bad Request: message is too long");
  return text;
}

/** Flood control: the per-chat limit is checked first, as its wait is usually the longer. */
function throttle(state: FakeState, chatId: number, now: number): void {
  const chatKey = String(chatId);
  const wait = Math.max(
    state.perChat?.waitSeconds(chatKey, now) ?? 0,
    state.global?.waitSeconds("all", now) ?? 0,
  );
  if (wait > 0) throw tooManyRequests(wait);
  state.perChat?.record(chatKey, now);
  state.global?.record("all", now);
}

/** Messages sent via inline mode have no chat here; Telegram answers `true` for them. */
function inlineEdit(params: Params): true | undefined {
  return stringParam(params, "inline_message_id") === undefined ? undefined : true;
}

function messageToEdit(params: Params, state: FakeState): StoredMessage {
  const chatId = reachableChat(params, state);
  const messageId = numberParam(params, "message_id");
  if (messageId === undefined) throw badRequest("Bad Request: message identifier is not specified");
  const message = state.chats.findBotMessage(chatId, messageId);
  if (message === undefined) throw badRequest(descriptions.messageToEditNotFound);
  return message;
}

/** An edit replaces the keyboard: leaving reply_markup out removes it, as in Telegram. */
function withoutMarkup(message: StoredMessage): StoredMessage {
  const { reply_markup: _dropped, ...rest } = message;
  return rest;
}

function assertModified(before: StoredMessage, after: StoredMessage): void {
  const same =
    before.text === after.text &&
    JSON.stringify(before.reply_markup ?? null) === JSON.stringify(after.reply_markup ?? null);
  if (same) throw badRequest(descriptions.messageNotModified);
}

function sentFields(message: StoredMessage) {
  return {
    message_id: message.message_id,
    chat_id: message.chat_id,
    text: message.text,
    ...pick(message.reply_markup, "reply_markup"),
  };
}

/** The Message object Telegram returns; only inline keyboards are echoed back, as in Telegram. */
function toApiMessage(message: StoredMessage, state: FakeState) {
  const from: User = {
    id: state.bot.id,
    is_bot: true,
    first_name: state.bot.first_name,
    username: state.bot.username,
  };
  return {
    message_id: message.message_id,
    from,
    chat: state.chats.chat(message.chat_id),
    date: message.date,
    ...pick(message.edit_date, "edit_date"),
    text: message.text,
    ...pick(message.entities, "entities"),
    ...(isInlineKeyboard(message.reply_markup) ? { reply_markup: message.reply_markup } : {}),
  };
}
