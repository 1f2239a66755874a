// The agent's card shows the last contacts and held-back nudges from the same timeline `repay explain` prints.
import { describe, expect, it } from "vitest";
import { borrowerSnapshot } from "../../bots/slack/borrower-snapshot.ts";
import type { NudgeDecision } from "../../core/ports/index.ts";
import { borrowerWithLoan, clockedMemoryStore } from "../nudger/nudger-builders.ts";

const NOW = "2026-03-10T15:00:00.000Z";
const hoursAgo = (hours: number) => new Date(Date.parse(NOW) - hours * 3_600_000).toISOString();

describe("the card's contact history", () => {
  it("Should show recent messages newest first, a sent nudge with no message by its kind, and nudges held back with their reasons", async () => {
    const { store } = clockedMemoryStore(NOW);
    const loan = await borrowerWithLoan(store, { ref: "C1", firstDueDate: "2026-03-02" });
    const borrowerId = loan.borrowerId;
    const decision = (hours: number, overrides: Partial<NudgeDecision>): NudgeDecision => ({
      at: hoursAgo(hours),
      local: hoursAgo(hours),
      borrowerId,
      loanId: loan.id,
      channel: "telegram",
      kind: "overdue",
      decision: "deferred",
      reasons: [],
      stage: "plan",
      ...overrides,
    });
    await store.conversation.append({
      borrowerId,
      channel: "telegram",
      direction: "inbound",
      text: "I'll pay on Friday",
      at: hoursAgo(2),
      author: "borrower",
    });
    await store.decisions.appendMany([
      decision(40 * 24, { decision: "suppressed", reasons: ["OPTED_OUT"] }),
      decision(30, { decision: "sent", stage: "dispatch" }),
      decision(20, { reasons: ["QUIET_HOURS"], until: hoursAgo(10) }),
      decision(10, { reasons: ["NOT_IN_CADENCE"], kind: null }),
      decision(5, { decision: "suppressed", reasons: ["PAUSED_PROMISE"] }),
    ]);

    const snapshot = await borrowerSnapshot(
      store,
      (await store.borrowers.byId(borrowerId))!,
      new Date(NOW),
    );

    expect(snapshot.contacts).toEqual([
      { at: hoursAgo(2), direction: "inbound", author: "borrower", text: "I'll pay on Friday" },
      {
        at: hoursAgo(30),
        direction: "outbound",
        author: "nudger",
        text: "overdue reminder (telegram)",
      },
    ]);
    expect(snapshot.suppressions).toEqual([
      { at: hoursAgo(5), reasons: ["PAUSED_PROMISE"] },
      { at: hoursAgo(20), reasons: ["QUIET_HOURS"] },
    ]);
  });
});
