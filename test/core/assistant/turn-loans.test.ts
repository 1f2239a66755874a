// The loans a channel read with the borrower: used for the turn's first look only, never kept across turns.
import { describe, expect, it } from "vitest";
import { createAssistant } from "../../../core/assistant/index.ts";
import { turnContext } from "../../../core/assistant/turn-context.ts";
import type { LoanWithTransactions } from "../../../core/ports/loans.ts";
import type { Store } from "../../../core/ports/store.ts";
import { assistantTemplates } from "../../../prompts/index.ts";
import { payment, usd } from "../../helpers/loans.ts";
import { AT, givenLateBorrower, LENDER, world } from "./builders.ts";

/** `store` with its loan reads counted. */
function countingLoanReads(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  return {
    store: {
      ...store,
      loans: {
        ...store.loans,
        forBorrowerWithTransactions: (...args) => {
          reads += 1;
          return store.loans.forBorrowerWithTransactions(...args);
        },
      },
    },
    reads: () => reads,
  };
}

describe("the loans read with the borrower", () => {
  it("answers from them without reading the loans again", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const counted = countingLoanReads(w.store);
    const assistant = createAssistant({
      store: counted.store,
      templates: assistantTemplates,
      lenderName: LENDER,
    });
    const ask = (activeLoans?: readonly LoanWithTransactions[], withBorrower = true) =>
      assistant.respond({
        borrowerId: borrower.id,
        channel: "telegram",
        at: AT,
        text: "how much do I owe?",
        ...(withBorrower ? { borrower } : {}),
        ...(activeLoans ? { activeLoans } : {}),
      });
    const read = await w.store.loans.forBorrowerWithTransactions(borrower.id, "active");

    const fresh = await ask();
    expect(counted.reads()).toBe(1);
    expect((await ask(read)).text).toBe(fresh.text);
    expect(counted.reads()).toBe(1);
    // What the channel read is what is answered: an empty read is "no loans".
    expect((await ask([])).text).not.toBe(fresh.text);
    expect(counted.reads()).toBe(1);
    // Without the borrower the channel read, its loans are ignored and the store is read.
    expect((await ask([], false)).text).toBe(fresh.text);
    expect(counted.reads()).toBe(2);
  });

  it("serves only the turn's first look: a later look, and the next turn, read the store", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    const counted = countingLoanReads(w.store);
    const read = await w.store.loans.forBorrowerWithTransactions(borrower.id, "active");
    const ctx = turnContext({
      store: counted.store,
      borrower,
      channel: "telegram",
      at: AT,
      today: "2026-04-01",
      timeZone: "America/New_York",
      language: "en",
      templates: assistantTemplates.en,
      lenderName: LENDER,
      activeLoans: read,
    });
    const first = await ctx.activeLoans();
    expect(counted.reads()).toBe(0);
    await w.store.transactions.record(
      loan.id,
      "later-payment",
      payment("2026-04-01", usd("100.00")),
    );
    const second = await ctx.activeLoans();
    expect(counted.reads()).toBe(1);
    expect(second[0]?.transactions).toHaveLength((first[0]?.transactions.length ?? 0) + 1);
    expect(second[0]?.state.outstanding.total.minor).toBeLessThan(
      first[0]?.state.outstanding.total.minor ?? 0n,
    );
  });
});
