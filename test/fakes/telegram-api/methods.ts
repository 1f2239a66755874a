// The Bot API methods the fake answers, by lower-cased name (Telegram ignores case in method names).
import { answerCallbackQuery, getMe, getMyCommands, setMyCommands } from "./bot-methods.ts";
import type { MethodHandler } from "./fake-state.ts";
import {
  editMessageReplyMarkup,
  editMessageText,
  sendChatAction,
  sendMessage,
} from "./message-methods.ts";
import { deleteWebhook, getUpdates, getWebhookInfo, setWebhook } from "./update-methods.ts";

const handlers: Record<string, MethodHandler> = {
  getMe,
  sendMessage,
  editMessageText,
  editMessageReplyMarkup,
  answerCallbackQuery,
  sendChatAction,
  setMyCommands,
  getMyCommands,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
};

const byLowerName = new Map(
  Object.entries(handlers).map(([name, handler]) => [name.toLowerCase(), handler]),
);

export function findMethod(name: string): MethodHandler | undefined {
  return byLowerName.get(name.toLowerCase());
}
