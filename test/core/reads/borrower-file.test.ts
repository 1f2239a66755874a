// The one read model of a borrower: the agent's card, the nudger's context and the assistant's loans read the same records.
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../../core/memory/index.ts";
import { contextFrom } from "../../../core/policy/borrower-context.ts";
import {
  activeLoanViews,
  loadBorrowerFile,
  readContact,
  readContacts,
} from "../../../core/reads/index.ts";
import { givenLateBorrower, givenLateLoan } from "../assistant/builders.ts";

const AT = "2026-04-01T14:00:00.000Z";

async function borrowerWithTwoLoans() {
  const store = createMemoryStore({ clock: () => AT });
  const { borrower, loan } = await givenLateBorrower(store);
  const paidOff = await givenLateLoan(store, borrower.id, { ref: "AA-PAID" });
  await store.loans.setStatus(paidOff.id, "paid_off");
  await store.contact.pause({
    borrowerId: borrower.id,
    reason: "agent_hold",
    createdBy: "agent:U1",
  });
  await store.conversation.append({
    borrowerId: borrower.id,
    channel: "telegram",
    direction: "inbound",
    text: "I can't pay this month",
    at: "2026-03-30T10:00:00.000Z",
    author: "borrower",
  });
  return { store, borrower, loan, paidOff };
}

describe("loadBorrowerFile", () => {
  it("holds every loan in reference order, as of the borrower's own today, with its plans", async () => {
    const { store, borrower, loan, paidOff } = await borrowerWithTwoLoans();
    const file = await loadBorrowerFile(store, borrower.id, AT);
    expect(file?.today).toBe("2026-04-01");
    expect(file?.loans.map((l) => l.loan.id)).toEqual([paidOff.id, loan.id]);
    expect(file?.loans[1]?.state.daysPastDue).toBe(45);
    expect(file?.loans[1]?.plans).toEqual([]);
  });

  it("holds the same contact records the nudger decides on, one borrower or many", async () => {
    const { store, borrower } = await borrowerWithTwoLoans();
    const file = await loadBorrowerFile(store, borrower.id, AT);
    const single = await readContact(store, borrower.id, AT);
    const batch = await readContacts(store, [borrower.id], AT, {
      borrowers: new Map([[borrower.id, borrower]]),
      promises: new Map([[borrower.id, await store.contact.promises(borrower.id)]]),
    });
    expect(file?.contact).toEqual(single);
    expect(batch.get(borrower.id)).toEqual(single);
    const context = contextFrom(file!.contact, ["telegram"]);
    expect(context.pauses.map((p) => p.reason)).toEqual(["agent_hold"]);
    expect(context.inbound).toHaveLength(1);
  });

  it("is undefined for a borrower who is gone", async () => {
    expect(await loadBorrowerFile(createMemoryStore(), "nobody", AT)).toBeUndefined();
  });
});

describe("activeLoanViews", () => {
  it("gives the assistant the file's active loans only, with the same state", async () => {
    const { store, borrower, loan } = await borrowerWithTwoLoans();
    const file = await loadBorrowerFile(store, borrower.id, AT);
    const views = await activeLoanViews(store, borrower.id, "2026-04-01");
    expect(views.map((v) => v.loan.id)).toEqual([loan.id]);
    expect(views[0]?.state).toEqual(file?.loans.find((l) => l.loan.id === loan.id)?.state);
  });
});
