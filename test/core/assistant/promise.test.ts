// Promises to pay: a date within the horizon, recorded with a pause on reminders until it has passed.
import { describe, expect, it } from "vitest";
import { formatMoney } from "../../../core/money/decimal.ts";
import { givenBorrower } from "../../helpers/builders.ts";
import { actionStarting, givenLateBorrower, givenLateLoan, says, taps, world } from "./builders.ts";

describe("promise to pay", () => {
  it("records the overdue total for the date named and pauses reminders through the grace days", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "I'll pay on Friday");
    expect(reply.text).toBe(
      "Thank you. I've noted that you plan to pay $205.08 on Friday, April 3. We won't send reminders about it before then.",
    );
    const [promise] = await w.store.contact.promises(borrower.id);
    expect(promise).toMatchObject({ loanId: loan.id, promisedFor: "2026-04-03", status: "open" });
    expect(formatMoney(promise!.amount)).toBe("205.08");
    const pauses = await w.store.contact.activePauses(borrower.id, "2026-04-01T15:00:00Z");
    // End of Sunday April 5 in New York (EDT, UTC-4) is 03:59:59.999 on April 6 UTC.
    expect(pauses).toEqual([
      expect.objectContaining({
        loanId: loan.id,
        reason: "promise",
        until: "2026-04-06T03:59:59.999Z",
        createdBy: "assistant",
      }),
    ]);
    expect(await w.store.contact.activePauses(borrower.id, "2026-04-06T04:00:00Z")).toEqual([]);
  });

  it("uses the amount the borrower names", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "I will pay 100 on April 10");
    expect(reply.text).toContain("you plan to pay $100.00 on Friday, April 10.");
    const [promise] = await w.store.contact.promises(borrower.id);
    expect(formatMoney(promise!.amount)).toBe("100.00");
  });

  it("asks when, offering tomorrow and Friday, and a tap records it", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const ask = await says(w, borrower.id, "I'll pay");
    expect(ask.text).toBe("Thank you for letting us know. When do you expect to pay?");
    expect(ask.choices).toEqual([
      { action: "promise:2026-04-02", label: "Tomorrow" },
      { action: "promise:2026-04-03", label: "Friday" },
      { action: "plan_request", label: "Payment plan" },
    ]);
    const done = await taps(w, borrower.id, "promise:2026-04-02");
    expect(done.text).toContain("$205.08 on Thursday, April 2.");
    expect((await w.store.contact.promises(borrower.id)).length).toBe(1);
  });

  it("carries a named amount through the date buttons", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const ask = await says(w, borrower.id, "I will pay 60");
    expect(ask.text).toBe("Thank you for letting us know. When do you expect to pay?");
    const tap = actionStarting(ask, "promise:");
    expect(tap).toBe("promise:2026-04-02:60.00");
    const done = await taps(w, borrower.id, tap);
    expect(done.text).toContain("$60.00 on Thursday, April 2.");
  });

  it("asks again for a date already past", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await taps(w, borrower.id, "promise:2026-03-30");
    expect(reply.text).toBe("That date has already passed. When do you expect to pay?");
    expect(await w.store.contact.promises(borrower.id)).toEqual([]);
  });

  it("suggests a plan for a date more than 30 days ahead", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, "I'll pay on May 30");
    expect(reply.text).toBe(
      "I can note a payment date up to 30 days from today. If paying that soon is hard, a payment plan may help.",
    );
    expect(reply.choices[0]).toEqual({ action: "plan_request", label: "Payment plan" });
    expect(await w.store.contact.promises(borrower.id)).toEqual([]);
    expect(await w.store.contact.activePauses(borrower.id, "2026-04-01T15:00:00Z")).toEqual([]);
  });

  it("accepts today and exactly 30 days ahead", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    expect((await taps(w, borrower.id, "promise:2026-04-01")).text).toContain("I've noted");
    expect((await taps(w, borrower.id, "promise:2026-05-01")).text).toContain("I've noted");
    expect((await taps(w, borrower.id, "promise:2026-05-02")).text).toContain("up to 30 days");
  });

  it("records the same promise once when it is repeated", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    await says(w, borrower.id, "I'll pay on Friday");
    await says(w, borrower.id, "i will pay friday");
    expect((await w.store.contact.promises(borrower.id)).length).toBe(1);
    expect((await w.store.contact.activePauses(borrower.id, "2026-04-01T15:00:00Z")).length).toBe(
      1,
    );
  });

  it("promises the next installment when nothing is overdue", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await givenLateLoan(w.store, borrower.id, { payments: [] });
    const reply = await says(w, borrower.id, "I'll pay on Friday", "2026-02-10T15:00:00Z");
    expect(reply.text).toContain("you plan to pay $107.18 on Friday, February 13.");
  });

  it("takes a Chinese promise in the borrower's own zone", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(
      w.store,
      { locale: "zh-CN", timeZone: "Asia/Shanghai" },
      "CNY",
    );
    const reply = await says(w, borrower.id, "我周五还");
    expect(reply.text).toBe(
      "谢谢。已记录您计划在4月3日 星期五还款¥205.08。在此之前我们不会就此提醒您。",
    );
    const [pause] = await w.store.contact.activePauses(borrower.id, "2026-04-01T15:00:00Z");
    // End of April 5 in Shanghai (UTC+8).
    expect(pause?.until).toBe("2026-04-05T15:59:59.999Z");
  });

  it("offers the date buttons from a tapped I'll pay", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await taps(w, borrower.id, "promise_to_pay");
    expect(actionStarting(reply, "promise:")).toBe("promise:2026-04-02");
  });
});
