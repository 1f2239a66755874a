// Importing a book larger than one batch: every store ends the same, borrowers span batches.
import { afterAll, describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { parseRecords } from "../../bots/import/read-records.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";

const HEADER =
  "borrower_ref,borrower_name,locale,time_zone,loan_ref,principal,currency,annual_rate,term_count,frequency,disbursed_on,method";
const LOANS = 600;

/** Loan i belongs to borrower ⌊(i+1)/2⌋, so loans 499 and 500 share one across the batch edge. */
function book(termCount: (i: number) => number = () => 12): string {
  const lines = [HEADER];
  for (let i = 0; i < LOANS; i += 1) {
    const b = Math.floor((i + 1) / 2);
    lines.push(
      `B-${b},Borrower ${b},en,UTC,L-${i},1000.00,USD,0.10,${termCount(i)},monthly,2026-01-01,annuity`,
    );
  }
  return lines.join("\n");
}

const opened: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of opened) await close();
});

const stores: Array<[string, () => Promise<Store>]> = [
  ["memory", async () => createMemoryStore()],
  [
    "pglite",
    async () => {
      const db = await openDatabase({ memory: true });
      opened.push(() => db.close());
      return createPrismaStore(db.prisma);
    },
  ],
];

describe.each(stores)("import loans in batches on %s", (_name, open) => {
  it("Should create every loan once, report progress per batch, then find nothing to change", async () => {
    const store = await open();
    const progress: number[] = [];
    const first = await importLoans(store, parseRecords("book.csv", book()), {
      onProgress: (done, total) => {
        expect(total).toBe(LOANS);
        progress.push(done);
      },
    });
    const again = await importLoans(store, parseRecords("book.csv", book()));

    expect(first.counts).toEqual({ created: LOANS, updated: 0, unchanged: 0 });
    expect(progress).toEqual([500, 600]);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: LOANS });
    const edge = await store.borrowers.byRef("B-250");
    const loans = await store.loans.forBorrower(edge?.id ?? "");
    expect(loans.map((loan) => loan.externalRef)).toEqual(["L-499", "L-500"]);
    expect(loans.map((loan) => loan.schedule.length)).toEqual([12, 12]);
  });

  it("Should update only the loans whose terms changed, with a new schedule", async () => {
    const store = await open();
    await importLoans(store, parseRecords("book.csv", book()));
    const before = await store.loans.byRef("L-550");
    const report = await importLoans(
      store,
      parseRecords(
        "book.csv",
        book((i) => (i === 3 || i === 550 ? 6 : 12)),
      ),
    );

    expect(report.counts).toEqual({ created: 0, updated: 2, unchanged: LOANS - 2 });
    const after = await store.loans.byRef("L-550");
    expect(after?.id).toBe(before?.id);
    expect(after?.schedule).toHaveLength(6);
    expect((await store.loans.byRef("L-3"))?.schedule).toHaveLength(6);
  });
});
