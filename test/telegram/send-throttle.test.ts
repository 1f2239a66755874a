// The bot's own send throttle: one send at a time per chat with a gap between starts, a global budget, chat-less calls untouched.
import { describe, expect, it } from "vitest";
import { sendThrottle } from "../../bots/telegram/send-throttle.ts";

/** Runs sends through `throttle`, recording when each started and finished. */
function harness(throttle: ReturnType<typeof sendThrottle>, sendMs = 5) {
  const t0 = Date.now();
  const starts: { chat: string; at: number }[] = [];
  const running = new Map<string, number>();
  let overlapped = false;
  const prev = (async (_method: string, payload: { chat_id?: number | string; fail?: boolean }) => {
    const chat = String(payload.chat_id ?? "none");
    starts.push({ chat, at: Date.now() - t0 });
    if ((running.get(chat) ?? 0) > 0 && chat !== "none") overlapped = true;
    running.set(chat, (running.get(chat) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, sendMs));
    running.set(chat, (running.get(chat) ?? 1) - 1);
    if (payload.fail) throw new Error("send failed");
    return { ok: true, result: chat };
  }) as never;
  const send = (payload: Record<string, unknown>) =>
    (throttle as (...args: unknown[]) => Promise<unknown>)(prev, "sendMessage", payload);
  return {
    send,
    starts,
    overlapped: () => overlapped,
  };
}

describe("sendThrottle", () => {
  it("spaces one chat's sends by the gap, in order, one at a time; other chats do not wait", async () => {
    const h = harness(sendThrottle({ globalPerWindow: 1000, perChatGapMs: 60 }));
    await Promise.all([
      h.send({ chat_id: 1, text: "a" }),
      h.send({ chat_id: 1, text: "b" }),
      h.send({ chat_id: 1, text: "c" }),
      h.send({ chat_id: 2, text: "x" }),
    ]);
    const one = h.starts.filter((s) => s.chat === "1").map((s) => s.at);
    expect(one).toHaveLength(3);
    expect((one[1] as number) - (one[0] as number)).toBeGreaterThanOrEqual(59);
    expect((one[2] as number) - (one[1] as number)).toBeGreaterThanOrEqual(59);
    expect(h.starts.find((s) => s.chat === "2")?.at).toBeLessThan(40);
    expect(h.overlapped()).toBe(false);
  });

  it("holds sends past the global budget until the next window", async () => {
    const h = harness(sendThrottle({ globalPerWindow: 2, globalWindowMs: 150, perChatGapMs: 0 }));
    await Promise.all([1, 2, 3, 4].map((chat) => h.send({ chat_id: chat, text: "hi" })));
    const at = h.starts.map((s) => s.at).sort((a, b) => a - b);
    expect(at[1]).toBeLessThan(100);
    expect(at[2]).toBeGreaterThanOrEqual(140);
    expect(at[3]).toBeGreaterThanOrEqual(140);
  });

  it("lets a chat's next send go after a failed one", async () => {
    const h = harness(sendThrottle({ globalPerWindow: 1000, perChatGapMs: 0 }));
    await expect(h.send({ chat_id: 7, fail: true })).rejects.toThrow("send failed");
    await expect(h.send({ chat_id: 7, text: "again" })).resolves.toEqual({ ok: true, result: "7" });
  });

  it("passes calls without a chat straight, whatever the budget", async () => {
    const h = harness(
      sendThrottle({ globalPerWindow: 1, globalWindowMs: 10_000, perChatGapMs: 0 }),
    );
    await h.send({ chat_id: 7, text: "spends the budget" });
    const started = Date.now();
    await h.send({ text: "getMe has no chat" });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("keeps a group chat to its sends per minute", async () => {
    const h = harness(
      sendThrottle({ globalPerWindow: 1000, perChatGapMs: 0, groupPerMinute: 2 }),
      1,
    );
    const third = Promise.all([1, 2, 3].map(() => h.send({ chat_id: -100, text: "hi" })));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.starts.filter((s) => s.chat === "-100")).toHaveLength(2);
    void third.catch(() => undefined);
  });
});
