// Everything one fake Telegram instance remembers, shared by the method handlers.
import type { UserFromGetMe } from "grammy/types";
import { ChatStore } from "./chat-store.ts";
import { FailurePlan } from "./failure-plan.ts";
import { RateWindow } from "./rate-window.ts";
import { SentLog } from "./sent-log.ts";
import type { FakeTelegramOptions } from "./types.ts";
import { UpdateQueue } from "./update-queue.ts";

export interface FakeState {
  bot: UserFromGetMe;
  chats: ChatStore;
  sent: SentLog;
  updates: UpdateQueue;
  failures: FailurePlan;
  perChat?: RateWindow;
  global?: RateWindow;
  blocked: ReadonlySet<number>;
  missing: ReadonlySet<number>;
  webhook: {
    url?: string;
    secretToken?: string;
    allowedUpdates?: unknown;
    maxConnections?: number;
  };
  /** Commands by scope and language, as setMyCommands left them. */
  commands: Map<string, unknown>;
  /** Callback query ids pushed to the bot and not yet answered. */
  openCallbackQueries: Set<string>;
}

export function createFakeState(token: string, options: FakeTelegramOptions): FakeState {
  return {
    bot: botUser(token, options.botUsername ?? "repayment_test_bot"),
    chats: new ChatStore(),
    sent: new SentLog(),
    updates: new UpdateQueue(),
    failures: new FailurePlan(options.failureRate, options.seed),
    ...(options.perChatPerSecond === undefined
      ? {}
      : { perChat: new RateWindow(options.perChatPerSecond) }),
    ...(options.globalPerSecond === undefined
      ? {}
      : { global: new RateWindow(options.globalPerSecond) }),
    blocked: new Set(options.blockedChats),
    missing: new Set(options.missingChats),
    webhook: {},
    commands: new Map(),
    openCallbackQueries: new Set(),
  };
}

/** getMe for a bot whose id is the token's numeric prefix, as in real tokens. */
function botUser(token: string, username: string): UserFromGetMe {
  const id = Number(token.split(":")[0]);
  return {
    id: Number.isSafeInteger(id) ? id : 123456,
    is_bot: true,
    first_name: "Repayment Assistant",
    username,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** One Bot API method: parameters in, `result` out, or a thrown TelegramApiError. */
export type MethodHandler = (
  params: Record<string, unknown>,
  state: FakeState,
  signal: AbortSignal,
) => unknown;
