// Importing loans: every row validated first, nothing written on a bad row, re-import changes nothing.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { describeReport } from "../../bots/import/import-report.ts";
import { parseRecords, readRecords } from "../../bots/import/read-records.ts";
import { createMemoryStore } from "../../core/memory/index.ts";

const LOANS_CSV = join(import.meta.dirname, "..", "fixtures", "import", "loans.csv");

function csvWithBadRowInTheMiddle(): string {
  return [
    "borrower_ref,borrower_name,locale,time_zone,loan_ref,principal,currency,annual_rate,term_count,frequency,disbursed_on,method",
    "B-1,Ana,en,UTC,L-1,1000.00,USD,0.10,12,monthly,2026-01-01,annuity",
    "B-2,Ben,en,UTC,L-2,1000.00,USD,0.10,12,fortnightly,2026-01-01,annuity",
    "B-3,Cai,zh-CN,Asia/Shanghai,L-3,-5,CNY,0.10,12,monthly,2026-01-01,annuity",
    "B-4,Dee,en,UTC,L-4,1000.00,USD,0.10,12,monthly,2026-01-01,annuity",
  ].join("\n");
}

describe("import loans", () => {
  it("creates borrowers and loans from a CSV file and reports what it did", async () => {
    const store = createMemoryStore();
    const report = await importLoans(store, await readRecords(LOANS_CSV));
    expect(report.applied).toBe(true);
    expect(report.counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const ana = await store.borrowers.byRef("B-001");
    expect(ana?.timeZone).toBe("America/New_York");
    expect(await store.loans.forBorrower(ana!.id)).toHaveLength(2);
    expect((await store.loans.byRef("L-002"))?.terms.principal).toEqual({
      minor: 800000n,
      currency: "CNY",
    });
  });

  it("changes nothing when the same file is imported again", async () => {
    const store = createMemoryStore();
    const records = await readRecords(LOANS_CSV);
    await importLoans(store, records);
    const before = await store.loans.byRef("L-001");
    const again = await importLoans(store, records);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await store.loans.byRef("L-001")).toEqual(before);
  });

  it("imports nothing when a row in the middle is bad, and names each bad line and field", async () => {
    const store = createMemoryStore();
    const report = await importLoans(store, parseRecords("book.csv", csvWithBadRowInTheMiddle()));
    expect(report.applied).toBe(false);
    expect(report.invalid).toEqual([
      expect.objectContaining({ line: 3, field: "frequency" }),
      { line: 4, field: "principal", reason: expect.stringContaining("decimal") },
    ]);
    expect(await store.borrowers.byRef("B-1")).toBeUndefined();
    expect(await store.loans.byRef("L-4")).toBeUndefined();
    expect(describeReport(report)).toContain("nothing was imported");
  });

  it("imports the valid rows with --skip-invalid and reports what it skipped", async () => {
    const store = createMemoryStore();
    const report = await importLoans(store, parseRecords("book.csv", csvWithBadRowInTheMiddle()), {
      skipInvalid: true,
    });
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(report.skipped).toBe(2);
    expect(await store.loans.byRef("L-4")).toBeDefined();
    expect(describeReport(report)).toContain("2 invalid rows skipped");
  });

  it("shows what would change in a dry run and writes nothing", async () => {
    const store = createMemoryStore();
    const records = await readRecords(LOANS_CSV);
    const dry = await importLoans(store, records, { dryRun: true });
    expect(dry.counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await store.borrowers.byRef("B-001")).toBeUndefined();
    await importLoans(store, records);
    const changed = records.map((r) =>
      r.fields.loanRef === "L-003" ? { ...r, fields: { ...r.fields, termCount: "11" } } : r,
    );
    const dryAgain = await importLoans(store, changed, { dryRun: true });
    expect(dryAgain.counts).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect((await store.loans.byRef("L-003"))?.terms.termCount).toBe(10);
  });

  it("names the line of each record in a JSON array", async () => {
    const json = `[
  {"borrowerRef":"B-1","borrowerName":"Ana","loanRef":"L-1","principal":"100.00","currency":"USD",
   "annualRate":"0.1","termCount":3,"frequency":"monthly","disbursedOn":"2026-01-01"},
  {"borrowerRef":"B-2","borrowerName":"Ben","loanRef":"L-2","principal":100,"currency":"USD",
   "annualRate":"0.1","termCount":3,"frequency":"monthly","disbursedOn":"2026-01-01"}
]`;
    const report = await importLoans(createMemoryStore(), parseRecords("book.json", json));
    expect(report.invalid).toEqual([
      { line: 4, field: "principal", reason: expect.stringContaining("decimal string") },
    ]);
  });

  it("refuses one loan ref with two different sets of terms in one file", async () => {
    const csv = [
      "borrower_ref,borrower_name,loan_ref,principal,currency,annual_rate,term_count,frequency,disbursed_on",
      "B-1,Ana,L-1,100.00,USD,0.1,3,monthly,2026-01-01",
      "B-1,Ana,L-1,200.00,USD,0.1,3,monthly,2026-01-01",
    ].join("\n");
    const report = await importLoans(createMemoryStore(), parseRecords("x.csv", csv));
    expect(report.invalid).toEqual([
      {
        line: 3,
        field: "loan_ref",
        reason: "loan L-1 already appears with different terms on line 2",
      },
    ]);
  });
});
