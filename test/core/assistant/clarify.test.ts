// An unsure reading gets "Did you mean ...?" with buttons; nothing with consequences is recorded until a tap.
import { describe, expect, it } from "vitest";
import { givenLateBorrower, says, taps, world } from "./builders.ts";

const CLARIFY = "I want to be sure I understood you. Did you mean:";
const CONFIRM = "Before I note anything, please tell me what you meant:";

async function audited(w: ReturnType<typeof world>, borrowerId: string, action: string) {
  const entries = await w.store.audit.forSubject(`borrower:${borrowerId}`, 50);
  return entries.filter((entry) => entry.action === action);
}

describe("clarifying questions", () => {
  it("Should ask about a payoff question the rules read as a promise, and record no promise", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "what would it cost to pay off everything today");
    expect(reply.text).toBe(CLARIFY);
    expect(reply.choices.map((choice) => choice.label)).toEqual([
      "Payoff amount",
      "I'll pay on…",
      "Something else",
    ]);
    expect(await w.store.contact.promises(borrower.id)).toEqual([]);
    const [note] = await audited(w, borrower.id, "assistant.clarified");
    expect(note?.payload).toMatchObject({
      intent: "payoff_quote",
      offered: ["payoff_quote", "promise_to_pay"],
    });

    const answer = await taps(w, borrower.id, reply.choices[0]!.action);
    expect(answer.text).toContain("$");
    expect(await w.store.contact.promises(borrower.id)).toEqual([]);
  });

  it("Should ask about slang for the balance, with the balance first, rather than greet back", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "yo what's the damage on my loan rn");
    expect(reply.text).toBe(CLARIFY);
    expect(reply.choices[0]?.action).toBe("balance");
    expect(reply.choices.at(-1)?.action).toBe("help");
  });

  it("Should ask in Chinese with Chinese buttons", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store, {
      locale: "zh-CN",
      timeZone: "Asia/Shanghai",
    });
    const reply = await says(w, borrower.id, "能不能把欠款分几个月还");
    expect(reply.text).toBe("我想确认一下我理解对了。您是想：");
    expect(reply.choices[0]).toEqual({ action: "plan_request", label: "还款计划" });
    expect(reply.choices.at(-1)).toEqual({ action: "help", label: "其他问题" });
  });
});

describe("confirming what has consequences", () => {
  it("Should offer the promise with the borrower's date, and record it only when tapped", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "maybe friday");
    expect(reply.text).toBe(CONFIRM);
    expect(reply.choices[0]).toEqual({
      action: "promise:2026-04-03",
      label: "I'll pay on Friday, April 3",
    });
    expect(await w.store.contact.promises(borrower.id)).toEqual([]);

    await taps(w, borrower.id, reply.choices[0]!.action);
    const [promise] = await w.store.contact.promises(borrower.id);
    expect(promise).toMatchObject({ loanId: loan.id, promisedFor: "2026-04-03", status: "open" });
  });

  it("Should confirm an opt-out only the classifier read, and opt out on the tap", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "i want out of these msgs");
    expect(reply.text).toBe(CONFIRM);
    expect(reply.choices[0]).toEqual({ action: "opt_out", label: "Stop reminders" });
    expect(await w.store.contact.optedOutChannels(borrower.id)).toEqual([]);

    await taps(w, borrower.id, "opt_out");
    expect(await w.store.contact.optedOutChannels(borrower.id)).toEqual(["telegram"]);
    const log = await w.store.conversation.recent(borrower.id, 10);
    expect(log.map((entry) => entry.text)).toContain("[tapped: Stop reminders]");
  });

  it("Should open no dispute and pause nothing until the borrower confirms it", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "what is this extra charge on my loan?");
    expect(reply.text).toBe(CONFIRM);
    expect(reply.handoff).toBe(false);
    expect(reply.choices[0]).toEqual({ action: "dispute", label: "Something is wrong" });
    expect(await w.store.handoffs.active(borrower.id)).toBeUndefined();
    expect(await w.store.contact.activePauses(borrower.id, "2026-04-01T15:00:00Z")).toEqual([]);

    const confirmed = await taps(w, borrower.id, "dispute");
    expect(confirmed.handoff).toBe(true);
    expect(await w.store.handoffs.active(borrower.id)).toMatchObject({ reason: "dispute" });
  });

  it.each([
    ["STOP", "en"],
    ["退订", "zh-CN"],
  ] as const)("Should still opt out at once on %s, with no question", async (text, locale) => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store, { locale });
    const reply = await says(w, borrower.id, text);
    expect(reply.text).not.toBe(CONFIRM);
    expect(await w.store.contact.optedOutChannels(borrower.id)).toEqual(["telegram"]);
    expect(await audited(w, borrower.id, "assistant.clarified")).toEqual([]);
  });
});
