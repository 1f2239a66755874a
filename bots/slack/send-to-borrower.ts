// Delivers an agent's text (and buttons) to the borrower's linked Telegram chat through the bot's API.

import { SendError, type Store } from "../../core/ports/index.ts";
import type { SendToBorrower } from "./slack-deps.ts";

/** The one grammY `Api` method this needs, so tests and other bots can stand in. */
export interface TelegramMessages {
  sendMessage(
    chatId: number | string,
    text: string,
    other?: { reply_markup?: unknown },
  ): Promise<unknown>;
}

/** @example createSlackApp({ ..., sendToBorrower: telegramDelivery(store, bot.api) }) */
export function telegramDelivery(store: Store, api: TelegramMessages): SendToBorrower {
  return async (borrowerId, text, buttons = []) => {
    const identity = (await store.identities.forBorrower(borrowerId)).find(
      (i) => i.channel === "telegram",
    );
    if (!identity)
      throw new SendError(
        "permanent",
        "NOT_LINKED",
        `borrower ${borrowerId} has no linked Telegram chat`,
      );
    await api.sendMessage(
      identity.externalId,
      text,
      buttons.length
        ? {
            reply_markup: {
              inline_keyboard: buttons.map((b) => [{ text: b.label, callback_data: b.action }]),
            },
          }
        : {},
    );
    return "telegram";
  };
}
