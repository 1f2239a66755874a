// Nudges through grammY to the fake Bot API under flood limits and injected failures: all settle.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { createSendRateLimiter } from "../../bots/nudger/send-rate-limiter.ts";
import { createTelegramSender } from "../../bots/nudger/telegram-sender.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { NudgeDecisionEvent } from "../../core/policy/decision-event.ts";
import { contactProfile } from "../../core/policy/index.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api/index.ts";
import { addLoan, borrowerWithLoan } from "./nudger-builders.ts";

const BORROWERS = 120;
const BLOCKED = [1003, 1017, 1050];
const MISSING = [1021, 1099];
const SENDER_RATE = 20;

/** 10:00 in New York on 2026-03-03, moving with real time: rate limits are real seconds. */
function movingClock(base = "2026-03-03T15:00:00.000Z") {
  const startedAt = Date.now();
  return () => new Date(Date.parse(base) + (Date.now() - startedAt)).toISOString();
}

describe("dispatching to Telegram under flood limits and ~10% failures", () => {
  let fake: FakeTelegram;
  const events: NudgeDecisionEvent[] = [];
  const store = createMemoryStore();
  let elapsedMs = 0;

  beforeAll(async () => {
    fake = await startFakeTelegram({
      perChatPerSecond: 1,
      globalPerSecond: 30,
      failureRate: 0.1,
      seed: 7,
      blockedChats: BLOCKED,
      missingChats: MISSING,
    });
    for (let i = 0; i < BORROWERS; i++) {
      const loan = await borrowerWithLoan(store, {
        ref: String(i),
        firstDueDate: "2026-03-02",
        telegramId: 1000 + i,
      });
      if (i % 12 === 0) await addLoan(store, loan.borrowerId, `L-${i}-b`, "2026-02-24");
    }
    const now = movingClock();
    const profile = contactProfile("default");
    const onDecision = (e: NudgeDecisionEvent) => events.push(e);
    await planTick({ store, profile, onDecision }, now());
    const sender = createTelegramSender({
      token: fake.token,
      apiRoot: fake.apiRoot,
      identities: store.identities,
      globalPerSecond: SENDER_RATE,
    });
    const dispatcher = {
      store,
      profile,
      senders: { telegram: sender },
      lenderName: "Acme Lending",
      clock: now,
      backoffMs: 100,
      batchSize: 40,
      concurrency: 16,
      onDecision,
    };
    const started = Date.now();
    const planned = new Set(events.filter((e) => e.decision === "planned").map((e) => e.nudgeId));
    const settled = () =>
      new Set(
        events
          .filter(
            (e) => e.decision === "sent" || e.decision === "failed" || e.decision === "suppressed",
          )
          .map((e) => e.nudgeId),
      );
    while (settled().size < planned.size && Date.now() - started < 60_000) {
      const tick = await dispatchTick(dispatcher, now());
      if (tick.claimed === 0) await new Promise((r) => setTimeout(r, 100));
    }
    elapsedMs = Date.now() - started;
  }, 90_000);
  afterAll(() => fake?.close());

  const finalOf = () => {
    const last = new Map<string, NudgeDecisionEvent>();
    for (const e of events) if (e.stage === "dispatch") last.set(e.nudgeId as string, e);
    return last;
  };

  it("Should end every planned nudge sent, or failed with a reason", () => {
    const planned = events.filter((e) => e.decision === "planned");
    expect(planned).toHaveLength(BORROWERS + BORROWERS / 12);
    const final = finalOf();
    for (const e of planned) {
      const outcome = final.get(e.nudgeId as string);
      expect(outcome?.decision, `nudge ${e.nudgeId}`).toMatch(/^(sent|failed)$/);
      if (outcome?.decision === "failed") expect(outcome.reasons.length).toBeGreaterThan(0);
    }
    console.info(
      `telegram dispatch: ${planned.length} nudges settled in ${elapsedMs} ms; ` +
        `${fake.calls.filter((c) => c.method === "sendMessage" && c.status !== 200).length} failed sendMessage calls`,
    );
  });

  it("Should deliver each sent nudge exactly once, as the fake recorded it", async () => {
    const final = [...finalOf().values()].filter((e) => e.decision === "sent");
    const delivered = fake.sentMessages();
    // One message per borrower: two-loan borrowers get one message for both rows.
    expect(delivered).toHaveLength(new Set(final.map((e) => e.borrowerId)).size);
    const perChat = new Map<number, number>();
    for (const m of delivered) perChat.set(m.chat_id, (perChat.get(m.chat_id) ?? 0) + 1);
    expect(Math.max(...perChat.values())).toBe(1);
  });

  it("Should have met injected 429s and 5xx and got through them", () => {
    const statuses = fake.calls.filter((c) => c.method === "sendMessage").map((c) => c.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s >= 500).length).toBeGreaterThan(0);
    expect(
      events.some((e) => e.decision === "deferred" && e.reasons.includes("RATE_LIMITED")),
    ).toBe(true);
  });

  it("Should stay under the configured global rate", () => {
    const times = fake.calls
      .filter((c) => c.method === "sendMessage")
      .map((c) => c.at)
      .sort((a, b) => a - b);
    let worst = 0;
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while ((times[end] as number) - (times[start] as number) >= 1000) start++;
      worst = Math.max(worst, end - start + 1);
    }
    expect(worst).toBeLessThanOrEqual(SENDER_RATE + 1);
  });

  it("Should fail blocked and missing chats for good and mark them unreachable", async () => {
    const final = [...finalOf().values()].filter((e) => e.decision === "failed");
    const reasons = final.map((e) => e.reasons[0]);
    expect(reasons.filter((r) => r === "BLOCKED_BY_USER")).toHaveLength(BLOCKED.length + 0);
    expect(reasons.filter((r) => r === "CHAT_NOT_FOUND")).toHaveLength(MISSING.length);
    const blocked = final.find((e) => e.reasons[0] === "BLOCKED_BY_USER") as NudgeDecisionEvent;
    const pauses = await store.contact.activePauses(blocked.borrowerId, new Date().toISOString());
    expect(pauses).toMatchObject([{ reason: "unreachable", createdBy: "nudger:telegram" }]);
  });
});

describe("send rate limiter", () => {
  function virtualTime() {
    let now = 0;
    return {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    };
  }

  it("Should space messages to one chat by a second", async () => {
    const time = virtualTime();
    const limiter = createSendRateLimiter({ globalPerSecond: 10, ...time });
    const at: number[] = [];
    for (let i = 0; i < 3; i++) {
      await limiter.acquire("42");
      at.push(time.now());
    }
    expect(at).toEqual([0, 1000, 2000]);
  });

  it("Should hold the global rate across chats and honour a hold-off", async () => {
    const time = virtualTime();
    const limiter = createSendRateLimiter({ globalPerSecond: 10, ...time });
    const at: number[] = [];
    for (let i = 0; i < 4; i++) {
      await limiter.acquire(String(i));
      at.push(time.now());
    }
    expect(at).toEqual([0, 100, 200, 300]);
    limiter.holdOff(2, "9");
    await limiter.acquire("9");
    expect(time.now()).toBe(2300);
  });
});
