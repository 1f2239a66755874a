// Import rows the database could not store, or the book should not take, are named by line and column.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatRowError } from "../../bots/import/field-error.ts";
import { importLoans } from "../../bots/import/import-loans.ts";
import { importPayments } from "../../bots/import/import-payments.ts";
import { parseRecords, readRecords } from "../../bots/import/read-records.ts";
import { createMemoryStore } from "../../core/memory/index.ts";

const HEADER =
  "borrower_ref,borrower_name,time_zone,loan_ref,principal,currency,annual_rate,term_count,frequency,disbursed_on";
const GOOD = "B-1,Ana,UTC,L-1,1000.00,USD,0.10,12,monthly,2026-01-01";

function loans(...rows: string[]) {
  return parseRecords("book.csv", [HEADER, ...rows].join("\n"));
}

describe("import refusals", () => {
  it("Should name line and column for values the database cannot store, and write nothing", async () => {
    const store = createMemoryStore();
    const report = await importLoans(
      store,
      loans(
        GOOD,
        "B-2,Ben,UTC,L-2,92233720368547758.08,USD,0.10,12,monthly,2026-01-01",
        "B-3,Cai\u0000,UTC,L-3,1000.00,USD,0.10,12,monthly,2026-01-01",
        `B-4,Dee,UTC,L-${"9".repeat(100)},1000.00,USD,0.10,12,monthly,2026-01-01`,
        "B-5,Eve,UTC,L-5,1000.00,USD,999999999999999999,12,monthly,2026-01-01",
        "B-6,Fay,Mars/Olympus,L-6,1000.00,USD,0.10,12,monthly,2026-01-01",
      ),
    );
    expect(report.applied).toBe(false);
    expect(report.invalid.map((e) => [e.line, e.field])).toEqual([
      [3, "principal"],
      [4, "borrower_name"],
      [5, "loan_ref"],
      [6, "annual_rate"],
      [7, "time_zone"],
    ]);
    expect(await store.borrowers.byRef("B-1")).toBeUndefined();
  });

  it("Should use the JSON field names the file used", async () => {
    const text = JSON.stringify([
      { borrowerRef: "B-1", borrowerName: "Ana", timeZone: "Nowhere/Else", loanRef: "L-1" },
    ]);
    const report = await importLoans(createMemoryStore(), parseRecords("book.json", text));
    expect(report.invalid.map((e) => e.field)).toContain("timeZone");
    const snake = JSON.stringify([{ borrower_ref: "B-1", time_zone: "Nowhere/Else" }]);
    const again = await importLoans(createMemoryStore(), parseRecords("book.json", snake));
    expect(again.invalid.map((e) => e.field)).toContain("time_zone");
  });

  it("Should escape control characters in the error lines it prints", () => {
    expect(
      formatRowError({ line: 2, field: "ref", reason: 'no loan "a\u0000\u001b[31m\nb"' }),
    ).toBe('line 2: ref: no loan "a\\u0000\\u001b[31m\\nb"');
  });

  it("Should refuse a whole number given as a boolean or an array in JSON", async () => {
    const row = {
      borrowerRef: "B-1",
      borrowerName: "Ana",
      loanRef: "L-1",
      principal: "100.00",
      currency: "USD",
      annualRate: "0.1",
      frequency: "monthly",
      disbursedOn: "2026-01-01",
    };
    const text = JSON.stringify([
      { ...row, termCount: true },
      { ...row, loanRef: "L-2", termCount: [12] },
    ]);
    const report = await importLoans(createMemoryStore(), parseRecords("book.json", text));
    expect(report.invalid.map((e) => e.field)).toEqual(["termCount", "termCount"]);
  });

  it("Should refuse a loan named with another borrower unless the row moves it, and audit a move", async () => {
    const store = createMemoryStore();
    await importLoans(store, loans(GOOD));
    const moved = "B-2,Ben,UTC,L-1,1000.00,USD,0.10,12,monthly,2026-01-01";
    const refused = await importLoans(store, loans(moved));
    expect(refused.invalid.map(formatRowError)).toEqual([
      "line 2: borrower_ref: loan L-1 belongs to borrower B-1, not B-2; set moveToBorrower to yes to move it",
    ]);
    expect(await store.borrowers.byRef("B-2")).toBeUndefined();

    const withMove = parseRecords(
      "book.csv",
      [`${HEADER},move_to_borrower`, `${moved},yes`].join("\n"),
    );
    const report = await importLoans(store, withMove);
    expect(report.counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const loan = await store.loans.byRef("L-1");
    expect((await store.borrowers.byId(loan?.borrowerId ?? ""))?.externalRef).toBe("B-2");
    const audit = await store.audit.forSubject(`loan:${loan?.id}`, 5);
    expect(audit.map((entry) => entry.action)).toEqual(["loan.moved"]);
  });

  it("Should refuse a payment dated after today anywhere, or of 2^63 minor units", async () => {
    const store = createMemoryStore();
    await importLoans(store, loans(GOOD));
    const csv = [
      "loan_ref,date,amount,ref",
      "L-1,2026-04-02,10.00,P-1",
      "L-1,2026-04-03,10.00,P-2",
      "L-1,2026-03-01,92233720368547758.08,P-3",
    ].join("\n");
    const report = await importPayments(store, parseRecords("p.csv", csv), {
      now: () => "2026-04-01T12:00:00.000Z",
    });
    expect(report.invalid.map((e) => [e.line, e.field])).toEqual([
      [3, "date"],
      [4, "amount"],
    ]);
    expect(await store.transactions.byKey("P-1")).toBeUndefined();
  });

  it("Should call a 0-byte file an error, not an import of 0 rows", async () => {
    const dir = await mkdtemp(join(tmpdir(), "repay-empty-"));
    try {
      const file = join(dir, "empty.csv");
      await writeFile(file, "");
      await expect(readRecords(file)).rejects.toThrow(/the file is empty/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
