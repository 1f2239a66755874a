// Public API of the fake Telegram Bot API used by bot tests.
export { startFakeTelegram } from "./start-fake-telegram.ts";
export type {
  FakeTelegram,
  FakeTelegramOptions,
  ForcedFailure,
  RecordedCall,
  SentMessage,
  SharedContact,
  TelegramUserInput,
  UpdateWithoutId,
} from "./types.ts";
