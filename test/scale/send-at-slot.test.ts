// At a send slot only the provider call is left: the chat is found beside the in-flight mark, before the slot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inFlightSender } from "../../bots/nudger/in-flight-sender.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { createTelegramSender } from "../../bots/nudger/telegram-sender.ts";
import { pausingSenders } from "../../bots/queue/dispatch-jobs.ts";
import type { Store } from "../../core/ports/index.ts";
import { SendError } from "../../core/ports/index.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api/index.ts";
import {
  borrowerWithLoan,
  type Clock,
  clockedMemoryStore,
  nudgerDeps,
  recordingSender,
} from "../nudger/nudger-builders.ts";

const TEN_AM_NEW_YORK = "2026-03-03T15:00:00.000Z";

describe("sending at a slot", () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    fake = await startFakeTelegram({ globalPerSecond: 30, perChatPerSecond: 1 });
  });
  afterAll(async () => {
    await fake.close();
  });

  async function claimedRow(store: Store, clock: Clock) {
    const now = clock.now;
    const deps = nudgerDeps(store, clock, recordingSender());
    await planTick(deps.planner, now);
    const [row] = await store.outbox.dueRows(now, 1);
    if (!row) throw new Error("nothing planned");
    await store.outbox.claimIds([row.id], now, "w", "2026-03-03T15:05:00.000Z");
    return row;
  }

  it("Should find the borrower's chat before the slot and leave only the Bot API call after it", async () => {
    const { store, clock } = clockedMemoryStore(TEN_AM_NEW_YORK);
    const loan = await borrowerWithLoan(store, {
      ref: "1",
      firstDueDate: "2026-03-02",
      telegramId: 7001,
    });
    const row = await claimedRow(store, clock);
    const steps: string[] = [];
    const identities = {
      ...store.identities,
      forBorrower: async (borrowerId: string) => {
        steps.push("chat looked up");
        return store.identities.forBorrower(borrowerId);
      },
    };
    const telegram = createTelegramSender({
      token: fake.token,
      apiRoot: fake.apiRoot,
      identities,
    });
    const sendsBefore = fake.calls.filter((call) => call.method === "sendMessage").length;
    const guarded = inFlightSender(telegram, [row], {
      outbox: {
        markSending: async (...args) => {
          steps.push("marked in flight");
          return store.outbox.markSending(...args);
        },
        reschedule: (...args) => store.outbox.reschedule(...args),
      },
      worker: "w",
      clock: () => clock.now,
      sendSlot: () => ({
        beforeMark: async () => {
          steps.push("slot taken");
        },
        atSlot: async () => {
          steps.push("slot reached");
        },
      }),
    });

    const sent = await guarded.send({
      channel: "telegram",
      borrowerId: loan.borrowerId,
      text: "A reminder",
    });
    steps.push("sent");
    expect(sent.providerMessageId).toMatch(/^7001:/);
    expect(steps.slice(0, 1)).toEqual(["slot taken"]);
    expect(steps.slice(1, 3).sort()).toEqual(["chat looked up", "marked in flight"]);
    expect(steps.slice(3)).toEqual(["slot reached", "sent"]);
    expect(fake.calls.filter((call) => call.method === "sendMessage")).toHaveLength(
      sendsBefore + 1,
    );
  });

  it("Should not call the Bot API for a borrower with no linked chat", async () => {
    const { store } = clockedMemoryStore(TEN_AM_NEW_YORK);
    const telegram = createTelegramSender({
      token: fake.token,
      apiRoot: fake.apiRoot,
      identities: store.identities,
    });
    const sendsBefore = fake.calls.filter((call) => call.method === "sendMessage").length;
    await expect(
      telegram.prepare?.({ channel: "telegram", borrowerId: "nobody", text: "hi" }),
    ).rejects.toMatchObject({ reason: "NOT_LINKED" });
    expect(fake.calls.filter((call) => call.method === "sendMessage")).toHaveLength(sendsBefore);
  });

  it("Should pause the cluster for a 429 met by a prepared send too", async () => {
    const pauses: number[] = [];
    const senders = pausingSenders(
      {
        telegram: {
          send: async () => ({ providerMessageId: "never" }),
          prepare: async () => ({
            send: async () => {
              throw new SendError("rate_limited", "TOO_MANY_REQUESTS", "429", 4);
            },
          }),
        },
      },
      async (ms) => {
        pauses.push(ms);
      },
    );
    const prepared = await senders.telegram?.prepare?.({
      channel: "telegram",
      borrowerId: "b",
      text: "hi",
    });
    await expect(prepared?.send()).rejects.toMatchObject({ reason: "TOO_MANY_REQUESTS" });
    expect(pauses).toEqual([4_000]);
  });
});
