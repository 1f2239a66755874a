// A borrower-facing bot wired to the real store on PGlite and the fake Telegram server.
import type { Bot } from "grammy";
import { createTelegramBot, type RepayContext } from "../../bots/telegram/create-telegram-bot.ts";
import { createAssistant } from "../../core/assistant/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { assistantTemplates } from "../../prompts/index.ts";
import type { FakeTelegram, SentMessage } from "../fakes/telegram-api/index.ts";

export function botFor(
  store: Store,
  fake: FakeTelegram,
  now: () => Date,
  log: string[] = [],
): Bot<RepayContext> {
  const assistant = createAssistant({
    store,
    templates: assistantTemplates,
    lenderName: "Acme Lending",
  });
  return createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    store,
    assistant,
    now,
    log: (line) => log.push(line),
    payLink: ({ loanRef, amount }) => `https://pay.example.com/${loanRef}?amount=${amount}`,
  });
}

/** A Telegram user who talks to the bot and waits for its next message. */
export function chatUser(fake: FakeTelegram, id: number, languageCode = "en") {
  const from = { id, first_name: `User${id}`, language_code: languageCode };
  const next = async (push: () => void): Promise<SentMessage> => {
    const before = fake.sentMessages(id).length;
    push();
    return fake.waitFor(
      (m) => m.chat_id === id && fake.sentMessages(id).indexOf(m) >= before,
      10_000,
    );
  };
  return {
    from,
    say: (text: string) => next(() => fake.pushUpdate(fake.userMessage(from, text))),
    tap: (data: string, message?: SentMessage) =>
      next(() =>
        fake.pushUpdate(
          fake.callbackQuery(
            from,
            data,
            message ? { message_id: message.message_id, chat_id: id } : undefined,
          ),
        ),
      ),
    shareContact: (phone: string, userId = id) =>
      next(() =>
        fake.pushUpdate(fake.contactMessage(from, { phone_number: phone, user_id: userId })),
      ),
  };
}

/** The callback_data of each inline button in a sent message. */
export function buttons(message: SentMessage): string[] {
  const markup = message.reply_markup as
    | { inline_keyboard?: Array<Array<{ callback_data?: string }>> }
    | undefined;
  return (markup?.inline_keyboard ?? [])
    .flat()
    .flatMap((b) => (b.callback_data ? [b.callback_data] : []));
}
