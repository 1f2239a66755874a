// The Telegram bot and the handoff notifier port: a handoff is announced, and an agent-held chat goes to the agent, not the assistant.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { generateLinkCode, hashLinkCode } from "../../bots/linking/link-code.ts";
import { createTelegramBot } from "../../bots/telegram/create-telegram-bot.ts";
import { createAssistant } from "../../core/assistant/index.ts";
import { createMemoryStore, memoryHandoffNotifier } from "../../core/memory/index.ts";
import type { Borrower } from "../../core/ports/index.ts";
import { assistantTemplates } from "../../prompts/index.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api/index.ts";
import { anaLoan } from "../helpers/api.ts";
import { chatUser } from "../helpers/telegram.ts";

const NOW = new Date("2026-04-01T14:00:00Z");
const store = createMemoryStore({ clock: () => NOW.toISOString() });
const handoffs = memoryHandoffNotifier();
let fake: FakeTelegram;
let bot: ReturnType<typeof createTelegramBot>;
let ana: Borrower;

beforeAll(async () => {
  await importLoans(store, [{ line: 2, fields: anaLoan }]);
  ana = (await store.borrowers.byRef("B-001"))!;
  fake = await startFakeTelegram();
  bot = createTelegramBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    store,
    assistant: createAssistant({
      store,
      templates: assistantTemplates,
      lenderName: "Acme Lending",
    }),
    now: () => NOW,
    handoffs,
  });
  void bot.start();
  const code = generateLinkCode();
  await store.linkCodes.issue(ana.id, hashLinkCode(code), "2026-04-02T00:00:00.000Z");
  await chatUser(fake, 101).say(`/start ${code}`);
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe("Telegram bot with a handoff notifier", () => {
  it("announces the handoff when the borrower asks for a person", async () => {
    await chatUser(fake, 101).say("I want to talk to a person");
    const handoff = await store.handoffs.active(ana.id);
    expect(handoff?.reason).toBe("human_agent");
    // The reply goes first, then the agents' side hears of it.
    await vi.waitFor(() => expect(handoffs.opened).toEqual([handoff?.id]));
  });

  it("passes the borrower's words to the agent holding the chat, and the assistant stays quiet", async () => {
    const user = chatUser(fake, 101);
    handoffs.hold(ana.id);
    const sentBefore = fake.sentMessages(101).length;
    fake.pushUpdate(fake.userMessage(user.from, "I paid on Monday"));
    await vi.waitFor(() =>
      expect(handoffs.relayed).toEqual([{ borrowerId: ana.id, text: "I paid on Monday" }]),
    );
    handoffs.release(ana.id);
    const answer = await user.say("balance");
    expect(answer.text).toContain("$");
    // Updates are handled in order: the relayed message got no reply of its own.
    expect(fake.sentMessages(101).length).toBe(sentBefore + 1);
  });
});
