// Waiving a charge: capped per action, never beyond what is owed, written with its audit entry or not at all.
import { describe, expect, it } from "vitest";
import { waiveCharge } from "../../../core/commands/index.ts";
import { loanStateAsOf } from "../../../core/ledger/index.ts";
import { createMemoryStore } from "../../../core/memory/index.ts";
import { parseWaiverCaps } from "../../../core/waivers/index.ts";
import { usd } from "../../helpers/loans.ts";
import { AGENT, AT, givenLateBorrower, refusal, writtenAbout } from "./command-builders.ts";

const caps = parseWaiverCaps("USD:20.00");

async function late() {
  const store = createMemoryStore({ clock: () => AT });
  const { borrower, loan } = await givenLateBorrower(store);
  const waive = (amount: string, extra: { why?: string; key?: string } = {}) =>
    waiveCharge(store, {
      loanId: loan.id,
      amount: usd(amount),
      component: "penalties",
      why: extra.why ?? "charged during the bank outage",
      caps,
      idempotencyKey: extra.key ?? `waiver-${amount}`,
      actor: AGENT,
      at: AT,
    });
  return { store, borrower, loan, waive };
}

describe("waiveCharge", () => {
  it("refuses a waiver above the agent's cap, and writes nothing", async () => {
    const { store, borrower, waive } = await late();
    const before = await writtenAbout(store, borrower.id);
    await expect(waive("20.01")).rejects.toEqual(refusal("WAIVER_OVER_CAP"));
    expect(await writtenAbout(store, borrower.id)).toEqual(before);
  });

  it("refuses to forgive more penalties than are owed, naming what is owed", async () => {
    const { store, loan } = await late();
    const stateNow = loanStateAsOf(loan, [], "2026-04-01");
    expect(stateNow.outstanding.fees.minor).toBe(0n);
    const fees = waiveCharge(store, {
      loanId: loan.id,
      amount: usd("5.00"),
      component: "fees",
      why: "goodwill",
      caps,
      idempotencyKey: "fees",
      actor: AGENT,
      at: AT,
    });
    await expect(fees).rejects.toEqual(
      expect.objectContaining({
        code: "WAIVER_OVER_OWED",
        details: expect.objectContaining({
          refusal: expect.objectContaining({ component: "fees" }),
        }),
      }),
    );
  });

  it("refuses a waiver without a reason after the amount passes, and writes nothing", async () => {
    const { store, borrower, waive } = await late();
    const before = await writtenAbout(store, borrower.id);
    await expect(waive("15.00", { why: "  " })).rejects.toEqual(refusal("REASON_REQUIRED"));
    await expect(waive("0.00", { why: "" })).rejects.toEqual(refusal("WAIVER_NOT_POSITIVE"));
    expect(await writtenAbout(store, borrower.id)).toEqual(before);
  });

  it("writes the waiver and audits the penalties before and after", async () => {
    const { store, loan, waive } = await late();
    const result = await waive("15.00");
    expect(result).toMatchObject({
      outcome: "waived",
      loanRef: loan.externalRef,
      borrowerName: "Alex Morgan",
    });
    const txs = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
    expect(txs.at(-1)).toEqual({
      type: "waiver",
      date: "2026-04-01",
      amount: usd("15.00"),
      component: "penalties",
    });
    const [entry] = await store.audit.forSubject(`loan:${loan.id}`, 1);
    expect(entry).toMatchObject({
      actor: AGENT,
      action: "waiver.granted",
      payload: {
        why: "charged during the bank outage",
        before: { penalties: "$20.36" },
        after: { penalties: "$5.36" },
        amount: "$15.00",
        component: "penalties",
      },
      at: AT,
    });
  });

  it("writes one waiver when the same form is submitted twice", async () => {
    const { store, loan, waive } = await late();
    await waive("5.00", { key: "form-1" });
    expect(await waive("5.00", { key: "form-1" })).toMatchObject({ outcome: "duplicate" });
    const waivers = (await store.transactions.forLoan(loan.id)).filter(
      (r) => r.transaction.type === "waiver",
    );
    expect(waivers).toHaveLength(1);
  });

  it("refuses an unknown loan with LOAN_NOT_FOUND", async () => {
    const store = createMemoryStore();
    await expect(
      waiveCharge(store, {
        loanId: "nope",
        amount: usd("1.00"),
        component: "fees",
        why: "x",
        caps,
        idempotencyKey: "k",
        actor: AGENT,
        at: AT,
      }),
    ).rejects.toEqual(refusal("LOAN_NOT_FOUND"));
  });
});
