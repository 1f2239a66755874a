// The operator's commands against a real PGlite folder: seed, import, status, reply, and the lock.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repay } from "./run-repay.ts";

let dataDir: string;
const env = () => ({ REPAY_DATA_DIR: dataDir });

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "repay-cli-"));
  process.env.REPAY_DATA_DIR = dataDir;
});

afterAll(() => {
  delete process.env.REPAY_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("operator commands", () => {
  it("seeds the demo book once, then answers a borrower with the reply model", async () => {
    expect(env().REPAY_DATA_DIR).toBe(dataDir);
    const first = await repay(["db", "seed", "--demo"]);
    expect(first.stdout).toContain("Demo book: 50 borrowers, 50 loans");
    const second = await repay(["db", "seed", "--demo"]);
    expect(second.stdout).toContain("0 new payments");
    const reply = await repay(["reply", "--borrower", "B-001", "how much do I owe?"]);
    expect(reply.code).toBe(0);
    const model = JSON.parse(reply.stdout);
    expect(model.text).toMatch(/Your balance is/);
    expect(model.choices.length).toBeGreaterThan(0);
    expect(model.handoff).toBe(false);
  }, 120_000);

  it("imports a file with a bad row in the middle: nothing imported, the line named", async () => {
    const file = join(dataDir, "book.csv");
    writeFileSync(
      file,
      [
        "borrower_ref,borrower_name,loan_ref,principal,currency,annual_rate,term_count,frequency,disbursed_on",
        "X-1,Ana,XL-1,100.00,USD,0.1,3,monthly,2026-01-01",
        "X-2,Ben,XL-2,100.00,USD,0.1,3,fortnightly,2026-01-01",
        "X-3,Cai,XL-3,100.00,USD,0.1,3,monthly,2026-01-01",
      ].join("\n"),
    );
    const bad = await repay(["import", "loans", file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("line 3: frequency:");
    expect(bad.stderr).toContain("nothing was imported");
    const reply = await repay(["reply", "--borrower", "X-1", "hi"]);
    expect(reply.stderr).toContain("no borrower with ref X-1");
  }, 120_000);

  it("prints a borrower's channels and consent record, and names an unknown ref", async () => {
    const known = await repay(["consent", "--borrower", "B-001"]);
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^B-001 /);
    expect(known.stdout).toMatch(/\n {2}sms {6}(not_given|no_address)/);
    const granted = await repay([
      "consent",
      "--borrower",
      "B-001",
      ...["--record", "opt_in", "--channel", "sms", "--source", "web-form", "--text-version", "v2"],
    ]);
    expect(granted.code).toBe(0);
    expect(granted.stdout).toMatch(/\n {2}sms {6}usable/);
    expect(granted.stdout).toMatch(/sms\s+opt_in\s+by web-form \+\d+ text v2/);
    const unknown = await repay(["consent", "--borrower", "NOPE"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no borrower with ref NOPE");
  }, 180_000);

  it("reports migrations up to date", async () => {
    const status = await repay(["db", "status"]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain("Up to date.");
  }, 60_000);
});
