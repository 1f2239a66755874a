// `repay explain`: a borrower's timeline from a real PGlite folder, with the live decisions and why.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDecisionRecorder } from "../../bots/nudger/decision-recorder.ts";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import type { BorrowerTimeline } from "../../bots/timeline/borrower-timeline.ts";
import { addDays, type IsoDate } from "../../core/dates/iso-date.ts";
import type { NudgeDecisionEvent } from "../../core/policy/decision-event.ts";
import { contactProfile } from "../../core/policy/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { usd } from "../helpers/loans.ts";
import { borrowerWithLoan, recordingSender } from "../nudger/nudger-builders.ts";
import { repay } from "./run-repay.ts";

let dataDir: string;
/** Two days ago at 15:00 UTC: 10:00 or 11:00 in New York, inside the send window. */
const base = (() => {
  const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  return `${day}T15:00:00.000Z`;
})();
const minutesAfter = (minutes: number) =>
  new Date(Date.parse(base) + minutes * 60_000).toISOString();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "repay-explain-"));
  const db = await openDatabase({ dataDir });
  try {
    const store = createPrismaStore(db.prisma);
    const loan = await borrowerWithLoan(store, {
      ref: "X1",
      firstDueDate: addDays(base.slice(0, 10) as IsoDate, -3),
      telegramId: 4242,
    });
    await borrowerWithLoan(store, {
      ref: "X2",
      firstDueDate: addDays(base.slice(0, 10) as IsoDate, -3),
    });
    await store.consent.append({
      borrowerId: loan.borrowerId,
      channel: "sms",
      kind: "opt_out",
      source: "sms:STOP",
      at: minutesAfter(-120),
    });
    const recorder = createDecisionRecorder({ decisions: store.decisions, profile: "default" });
    const onDecision = (event: NudgeDecisionEvent) => recorder.onDecision(event);
    const profile = contactProfile("default");
    let now = base;
    await planTick({ store, profile, onDecision }, now);
    now = minutesAfter(1);
    await dispatchTick(
      {
        store,
        profile,
        senders: { telegram: recordingSender() },
        lenderName: "Acme Lending",
        clock: () => now,
        sleep: async () => {},
        onDecision,
      },
      now,
    );
    await recorder.flush();
    await store.conversation.append({
      borrowerId: loan.borrowerId,
      channel: "telegram",
      direction: "inbound",
      text: "how much do I owe?",
      at: minutesAfter(30),
      author: "borrower",
    });
    await store.transactions.record(loan.id, "pay-x1", {
      type: "payment",
      date: base.slice(0, 10),
      amount: usd("50.00"),
    });
  } finally {
    await db.close();
  }
  process.env.REPAY_DATA_DIR = dataDir;
}, 120_000);

afterAll(() => {
  delete process.env.REPAY_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

describe("repay explain", () => {
  it("Should print the timeline newest last: consent, decisions with reasons and tone, messages out and in, payments", async () => {
    const result = await repay(["explain", "--borrower", "B-X1"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^B-X1 Borrower X1 \(America\/New_York\)/);
    const order = [
      /consent opt_out on sms by sms:STOP/,
      /nudge planned at plan \(\w+, telegram, L-X1\); .*profile default/,
      /→ telegram nudger: /,
      /nudge sent at dispatch \(\w+, telegram, L-X1\); tone friendly \(first-time-late\); score 37 poor/,
      /← telegram borrower: how much do I owe\?/,
      /payment 50\.00 USD on L-X1/,
    ];
    let at = 0;
    for (const pattern of order) {
      const found = lines.findIndex((line, index) => index > at && pattern.test(line));
      expect(found, `${pattern} after line ${at}:\n${result.stdout}`).toBeGreaterThan(at);
      at = found;
    }
  }, 60_000);

  it("Should explain a borrower nothing was sent to, as JSON, with the reason", async () => {
    const result = await repay(["explain", "--borrower", "B-X2", "--days", "7", "--json"]);
    expect(result.code).toBe(0);
    const timeline = JSON.parse(result.stdout) as BorrowerTimeline;
    expect(timeline.borrower.externalRef).toBe("B-X2");
    expect(timeline.entries).toMatchObject([
      {
        kind: "decision",
        decision: { decision: "suppressed", reasons: ["CHANNEL_UNREACHABLE"], stage: "plan" },
      },
    ]);
  }, 60_000);

  it("Should name an unknown borrower ref and a bad --days, with no timeline", async () => {
    const unknown = await repay(["explain", "--borrower", "B-NOPE"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("--borrower: no borrower with ref B-NOPE");
    expect(unknown.stdout).toBe("");
    const days = await repay(["explain", "--borrower", "B-X1", "--days", "0"]);
    expect(days.code).toBe(2);
    expect(days.stderr).toContain("--days: must be a whole number from 1 to 3650, not 0");
  }, 60_000);
});
