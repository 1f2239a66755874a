// Importing payments: checked against their loans, recorded once, balances unchanged on re-import.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { importPayments } from "../../bots/import/import-payments.ts";
import { parseRecords, readRecords } from "../../bots/import/read-records.ts";
import { loanStateAsOf } from "../../core/ledger/loan-state-as-of.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { Store } from "../../core/ports/index.ts";

const LOANS_CSV = join(import.meta.dirname, "..", "fixtures", "import", "loans.csv");
const PAYMENTS = [
  "loan_ref,date,amount,ref",
  "L-001,2026-02-15,107.18,P-1",
  "L-001,2026-03-20,50.00,P-2",
  "L-002,2026-03-01,1400.00,",
  "L-002,2026-03-01,1400.00,",
].join("\n");

async function bookWithLoans(): Promise<Store> {
  const store = createMemoryStore();
  await importLoans(store, await readRecords(LOANS_CSV));
  return store;
}

async function outstanding(store: Store, ref: string): Promise<bigint> {
  const loan = (await store.loans.byRef(ref))!;
  const txs = (await store.transactions.forLoan(loan.id)).map((t) => t.transaction);
  return loanStateAsOf(loan, txs, "2026-04-01").outstanding.total.minor;
}

describe("import payments", () => {
  it("records each payment once; the same file again records nothing and balances stay", async () => {
    const store = await bookWithLoans();
    const records = parseRecords("payments.csv", PAYMENTS);
    const first = await importPayments(store, records);
    expect(first.counts).toEqual({ recorded: 4, "already recorded": 0 });
    const balance = await outstanding(store, "L-002");
    const again = await importPayments(store, records);
    expect(again.counts).toEqual({ recorded: 0, "already recorded": 4 });
    expect(await outstanding(store, "L-002")).toBe(balance);
    const loan = (await store.loans.byRef("L-002"))!;
    // two equal payments on one day in one file stay two payments
    expect(await store.transactions.forLoan(loan.id)).toHaveLength(2);
  });

  it("names the line of a payment for an unknown loan, in another currency, or before disbursement", async () => {
    const store = await bookWithLoans();
    const csv = [
      "loan_ref,date,amount,currency",
      "L-001,2026-02-15,107.18,USD",
      "L-404,2026-02-15,10.00,USD",
      "L-002,2026-03-01,10.00,USD",
      "L-001,2025-12-01,10.00,USD",
      "L-001,2026-02-16,10.001,USD",
    ].join("\n");
    const report = await importPayments(store, parseRecords("p.csv", csv));
    expect(report.applied).toBe(false);
    expect(report.invalid.map((e) => [e.line, e.field])).toEqual([
      [3, "loan_ref"],
      [4, "currency"],
      [5, "date"],
      [6, "amount"],
    ]);
    const loan = (await store.loans.byRef("L-001"))!;
    expect(await store.transactions.forLoan(loan.id)).toHaveLength(0);
  });

  it("refuses a payment ref already recorded for a different payment", async () => {
    const store = await bookWithLoans();
    await importPayments(
      store,
      parseRecords("a.csv", "loan_ref,date,amount,ref\nL-001,2026-02-15,107.18,P-1"),
    );
    const report = await importPayments(
      store,
      parseRecords("b.csv", "loan_ref,date,amount,ref\nL-001,2026-02-15,99.00,P-1"),
    );
    expect(report.invalid).toEqual([
      {
        line: 2,
        field: "ref",
        reason: "payment ref P-1 was already recorded for a different payment",
      },
    ]);
  });
});
