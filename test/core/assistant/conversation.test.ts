// The turn itself: logged both ways, answered in the borrower's language, never a dead end.
import { describe, expect, it } from "vitest";
import { AssistantErrorCode, createAssistant } from "../../../core/assistant/index.ts";
import { assistantTemplates } from "../../../prompts/index.ts";
import { domainErrorWithCode, givenBorrower } from "../../helpers/builders.ts";
import { AT, givenLateBorrower, LENDER, says, taps, world } from "./builders.ts";

const MAIN = ["balance", "next_payment", "plan_request", "human_agent"];

describe("greeting, help and the unknown", () => {
  it("greets by name with the main choices", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    const reply = await says(w, borrower.id, "hi");
    expect(reply.text).toBe(
      `Hello Alex Morgan! I'm the ${LENDER} repayment assistant. How can I help today?`,
    );
    expect(reply.choices.map((c) => c.action)).toEqual(MAIN);
  });

  it("lists everything it can do, including how to stop reminders", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    const reply = await says(w, borrower.id, "help");
    expect(reply.text).toContain("Send STOP");
    expect(reply.choices.map((c) => c.label)).toEqual([
      "Balance",
      "Next payment",
      "Payoff amount",
      "Payment plan",
      "I'll pay on…",
      "Talk to a person",
    ]);
  });

  it("answers what it did not understand with the main choices", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    const reply = await says(w, borrower.id, "purple elephants");
    expect(reply.text).toBe("Sorry, I didn't quite catch that. Here's what I can help with:");
    expect(reply.choices.map((c) => c.label)).toEqual([
      "Balance",
      "Next payment",
      "Payment plan",
      "Talk to a person",
    ]);
    expect(reply.handoff).toBe(false);
  });

  it("treats a button it never handed out like unclear text", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    const reply = await taps(w, borrower.id, "plan:steal:everything");
    expect(reply.choices.map((c) => c.action)).toEqual(MAIN);
  });
});

describe("the conversation log", () => {
  it("keeps the borrower's message and the reply, in order", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "how much do I owe?");
    const log = await w.store.conversation.recent(borrower.id, 10);
    expect(log).toEqual([
      expect.objectContaining({
        direction: "inbound",
        author: "borrower",
        text: "how much do I owe?",
        channel: "telegram",
        at: AT,
      }),
      expect.objectContaining({ direction: "outbound", author: "assistant", text: reply.text }),
    ]);
  });

  it("writes the message and its reply together, in one call to the log", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const calls: string[] = [];
    const { conversation } = w.store;
    const assistant = createAssistant({
      store: {
        ...w.store,
        conversation: {
          ...conversation,
          append: (message) => {
            calls.push(`append ${message.direction}`);
            return conversation.append(message);
          },
          appendMany: (messages) => {
            calls.push(`appendMany ${messages.map((m) => m.direction).join(" ")}`);
            return conversation.appendMany(messages);
          },
        },
      },
      templates: assistantTemplates,
      lenderName: LENDER,
    });
    await assistant.respond({
      borrowerId: borrower.id,
      channel: "telegram",
      at: AT,
      text: "balance",
    });
    expect(calls).toEqual(["appendMany inbound outbound"]);
  });

  it("keeps the borrower's message when no reply could be made", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const assistant = createAssistant({
      store: {
        ...w.store,
        loans: {
          ...w.store.loans,
          forBorrowerWithTransactions: () => Promise.reject(new Error("database down")),
        },
      },
      templates: assistantTemplates,
      lenderName: LENDER,
    });
    await expect(
      assistant.respond({
        borrowerId: borrower.id,
        channel: "telegram",
        at: AT,
        text: "how much do I owe?",
      }),
    ).rejects.toThrow("database down");
    const log = await w.store.conversation.recent(borrower.id, 10);
    expect(log).toEqual([
      expect.objectContaining({ direction: "inbound", text: "how much do I owe?", at: AT }),
    ]);
  });

  it("keeps a tap as the label the borrower saw", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    await taps(w, borrower.id, "balance");
    await taps(w, borrower.id, "promise:2026-04-03");
    const log = await w.store.conversation.recent(borrower.id, 10);
    expect(log.filter((m) => m.direction === "inbound").map((m) => m.text)).toEqual([
      "[tapped: Balance]",
      "[tapped: Friday, April 3]",
    ]);
  });
});

describe("the reply's language", () => {
  it("answers Chinese text in Chinese even for an English-locale borrower", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "我欠多少钱");
    expect(reply.text.split("\n")[0]).toBe("您的贷款余额为US$1,276.82。");
    expect(reply.choices[0]?.label).toBe("我会在…还款");
  });

  it("answers English text in English for a Chinese-locale borrower", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store, { locale: "zh-CN", timeZone: "Asia/Shanghai" });
    const reply = await says(w, borrower.id, "hello");
    expect(reply.text).toMatch(/^Hello /);
  });

  it("uses the locale for text with no words (emoji, digits)", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store, { locale: "zh-CN", timeZone: "Asia/Shanghai" });
    const reply = await says(w, borrower.id, "🙂");
    expect(reply.text).toBe("抱歉，我没有完全明白您的意思。我可以帮您：");
  });

  it("keeps answering taps in the language the borrower last wrote in", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    await says(w, borrower.id, "你好");
    const first = await taps(w, borrower.id, "next_payment");
    expect(first.text.split("\n")[0]).toBe("您的下一期还款为US$107.18，到期日为4月15日 星期三。");
    const second = await taps(w, borrower.id, "balance");
    expect(second.text.split("\n")[0]).toBe("您的贷款余额为US$1,276.82。");
    const log = await w.store.conversation.recent(borrower.id, 10);
    expect(log.filter((m) => m.direction === "inbound").map((m) => m.text)).toEqual([
      "你好",
      "[tapped: 下一期还款]",
      "[tapped: 查询余额]",
    ]);
  });

  it("answers a tap with no earlier message in the borrower's locale", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(
      w.store,
      { locale: "zh-CN", timeZone: "Asia/Shanghai" },
      "CNY",
    );
    const reply = await taps(w, borrower.id, "balance");
    expect(reply.text.split("\n")[0]).toBe("您的贷款余额为¥1,276.82。");
  });
});

describe("turns no borrower could send", () => {
  it("refuses an unknown borrower with a coded error", async () => {
    const w = world();
    await expect(says(w, "nobody", "hi")).rejects.toEqual(
      domainErrorWithCode(AssistantErrorCode.UnknownBorrower),
    );
  });

  it("refuses an instant without an offset", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await expect(says(w, borrower.id, "hi", "2026-04-01T10:00:00")).rejects.toEqual(
      domainErrorWithCode(AssistantErrorCode.InvalidTurn),
    );
  });

  it("still answers when an injected understanding fails", async () => {
    const w = world({
      understand: () => {
        throw new Error("model timed out");
      },
    });
    const borrower = await givenBorrower(w.store);
    const reply = await says(w, borrower.id, "how much do I owe?");
    expect(reply.text).toBe("Sorry, I didn't quite catch that. Here's what I can help with:");
  });

  it("answers a turn with neither text nor action", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    const reply = await w.assistant.respond({
      borrowerId: borrower.id,
      channel: "telegram",
      at: AT,
    });
    expect(reply.choices.length).toBeGreaterThan(0);
  });
});
