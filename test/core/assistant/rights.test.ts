// Opt-out, opt-in, disputes, a person, and payments already made: recorded as the borrower asked.
import { describe, expect, it } from "vitest";
import { givenBorrower } from "../../helpers/builders.ts";
import { AT, givenLateBorrower, says, taps, world } from "./builders.ts";

describe("opt-out and opt-in", () => {
  it("stops automated reminders on this channel only and says how to resume", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "STOP");
    expect(reply.text).toBe(
      "Done. You won't get automated reminders on this channel any more. You can still message me any time, and send START to turn reminders back on.",
    );
    expect(await w.store.contact.optedOutChannels(borrower.id)).toEqual(["telegram"]);
    const [audit] = await w.store.audit.forSubject(`borrower:${borrower.id}`, 1);
    expect(audit).toMatchObject({ action: "contact.opted_out", payload: { channel: "telegram" } });
  });

  it("opts out the console channel when the borrower writes from the console", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await says(w, borrower.id, "unsubscribe", AT, "console");
    expect(await w.store.contact.optedOutChannels(borrower.id)).toEqual(["console"]);
  });

  it("still answers questions after opting out", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    await says(w, borrower.id, "stop");
    const reply = await says(w, borrower.id, "how much do I owe?");
    expect(reply.text).toContain("Your balance is $1,276.82.");
  });

  it("turns reminders back on with START", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await says(w, borrower.id, "STOP");
    const reply = await says(w, borrower.id, "START");
    expect(reply.text).toBe(
      "Welcome back. Automated reminders are on again for this channel. Send STOP at any time to stop them.",
    );
    expect(await w.store.contact.optedOutChannels(borrower.id)).toEqual([]);
  });

  it("opts a Chinese borrower out with 退订, in Chinese", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store, { locale: "zh-CN", timeZone: "Asia/Shanghai" });
    const reply = await says(w, borrower.id, "退订");
    expect(reply.text).toContain("此渠道将不再向您发送自动提醒");
    expect(await w.store.contact.optedOutChannels(borrower.id)).toEqual(["telegram"]);
  });
});

describe("dispute", () => {
  it("pauses reminders with no end, opens a handoff and hands the conversation over", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "this debt is not mine, I dispute it");
    expect(reply.handoff).toBe(true);
    expect(reply.text).toBe(
      "Thank you for telling us. A person from our team will review this, and reminders are paused while they do.",
    );
    const pauses = await w.store.contact.activePauses(borrower.id, "2027-01-01T00:00:00Z");
    expect(pauses).toEqual([
      expect.objectContaining({ reason: "dispute", createdBy: "assistant" }),
    ]);
    expect(pauses[0]?.until).toBeUndefined();
    const handoff = await w.store.handoffs.active(borrower.id);
    expect(handoff).toMatchObject({ reason: "dispute", status: "open", loanId: loan.id });
  });

  it("does not stack a second dispute pause", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    await says(w, borrower.id, "I dispute this");
    await says(w, borrower.id, "I dispute this");
    expect((await w.store.contact.activePauses(borrower.id, AT)).length).toBe(1);
  });
});

describe("a person", () => {
  it("opens a handoff and says a person will reply", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "talk to a human");
    expect(reply.handoff).toBe(true);
    expect(reply.text).toBe(
      "I'm connecting you with a person from Acme Credit. They'll reply here as soon as they can.",
    );
    expect(await w.store.handoffs.active(borrower.id)).toMatchObject({ reason: "human_agent" });
  });

  it("points to the handoff already open instead of opening another", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await taps(w, borrower.id, "human_agent");
    const reply = await taps(w, borrower.id, "human_agent");
    expect(reply.text).toBe(
      "A person from our team already has your conversation and will reply here.",
    );
    expect(reply.handoff).toBe(true);
    expect((await w.store.handoffs.listActive(10)).length).toBe(1);
  });

  it("hands over in Chinese on 转人工", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store, { locale: "zh-CN", timeZone: "Asia/Shanghai" });
    const reply = await says(w, borrower.id, "转人工");
    expect(reply.text).toBe("正在为您转接Acme Credit的工作人员，他们会尽快在这里回复您。");
    expect(reply.handoff).toBe(true);
  });
});

describe("already paid", () => {
  it("thanks the borrower, says when it shows, and flags the claim for reconciliation", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "I paid 50 yesterday");
    expect(reply.text).toBe(
      "Thank you for your payment! Payments can take up to 2 business days to show on your account. If it hasn't appeared by then, let us know.",
    );
    const [audit] = await w.store.audit.forSubject(`borrower:${borrower.id}`, 1);
    expect(audit).toMatchObject({
      actor: "assistant",
      action: "payment.claimed",
      payload: { date: "2026-03-31", amount: "50", loanId: loan.id, currency: "USD" },
      at: AT,
    });
  });

  it("records a claim with no date or amount too", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await says(w, borrower.id, "I already paid");
    const [audit] = await w.store.audit.forSubject(`borrower:${borrower.id}`, 1);
    expect(audit).toMatchObject({ action: "payment.claimed", payload: { channel: "telegram" } });
  });
});
