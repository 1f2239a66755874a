// The dunning cadence by days past due: T-3, due day, +1, +3, +7, plan offer from +10, weekly.
import { describe, expect, it } from "vitest";
import { addDays } from "../../../core/dates/iso-date.ts";
import {
  agentEscalationDue,
  contactProfiles,
  nextOpportunityAt,
  nudgeDedupeKey,
  nudgeOpportunity,
} from "../../../core/policy/index.ts";
import { loanState } from "./builders.ts";

const profile = contactProfiles.default;
const DUE = "2026-03-10";

/** The loan as of `today`, `dpd` days past the 10 March installment (or current before it). */
function onDay(offset: number) {
  const today = addDays(DUE, offset);
  const loan =
    offset > 0
      ? loanState({ asOf: today, daysPastDue: offset })
      : loanState({ asOf: today, nextDue: DUE });
  return { loan, today };
}

/** The kind due on each day when yesterday's slot (if any) was served yesterday. */
function kindsByDay(from: number, to: number) {
  const due: Record<number, string> = {};
  for (let offset = from; offset <= to; offset++) {
    const { loan, today } = onDay(offset);
    const opportunity = nudgeOpportunity(loan, { today, profile, lastNudgeOn: addDays(today, -1) });
    if (opportunity) due[offset] = opportunity.slot.kind;
  }
  return due;
}

describe("cadence", () => {
  it("falls due on T-3, the due day, +1, +3, +7, +10, then weekly", () => {
    expect(kindsByDay(-10, 43)).toEqual({
      [-3]: "pre_due",
      0: "due_today",
      1: "overdue",
      3: "follow_up",
      7: "follow_up",
      10: "plan_offer",
      14: "plan_offer",
      21: "plan_offer",
      28: "plan_offer",
      35: "plan_offer",
      42: "plan_offer",
    });
  });

  it("asks for an agent from 30 days past due", () => {
    const at = (offset: number) => {
      const { loan, today } = onDay(offset);
      return nudgeOpportunity(loan, { today, profile })?.escalateToAgent;
    };
    expect(at(28)).toBe(false);
    expect(at(35)).toBe(true);
    // Also on a day with no nudge of its own, so the planner can hand the loan over.
    const { loan, today } = onDay(31);
    expect(nudgeOpportunity(loan, { today, profile, lastNudgeOn: "2026-04-07" })).toBeUndefined();
    expect(agentEscalationDue(loan, { today, profile })).toBe(true);
    expect(agentEscalationDue(onDay(29).loan, { today: onDay(29).today, profile })).toBe(false);
  });

  it("keeps a missed slot due until a nudge serves it", () => {
    const { loan, today } = onDay(5);
    expect(nudgeOpportunity(loan, { today, profile })?.slot).toMatchObject({
      kind: "follow_up",
      offset: 3,
      date: "2026-03-13",
    });
    expect(nudgeOpportunity(loan, { today, profile, lastNudgeOn: "2026-03-13" })).toBeUndefined();
  });

  it("carries an older loan state forward to today", () => {
    const loan = loanState({ asOf: "2026-03-11", daysPastDue: 1 });
    const opportunity = nudgeOpportunity(loan, { today: "2026-03-13", profile });
    expect(opportunity).toMatchObject({ daysPastDue: 3, slot: { offset: 3 } });
  });

  it("owes nothing once paid off", () => {
    const loan = loanState({ asOf: DUE, paidOff: true });
    expect(nudgeOpportunity(loan, { today: DUE, profile })).toBeUndefined();
    expect(nextOpportunityAt(loan, { today: DUE, profile })).toBeUndefined();
  });

  it("turns due-date reminders into plan_installment while a plan is in force", () => {
    const { loan, today } = onDay(-3);
    expect(nudgeOpportunity(loan, { today, profile, onPlan: true })?.slot.kind).toBe(
      "plan_installment",
    );
  });

  it("nudges about a broken promise the day after the grace runs out", () => {
    const { loan, today } = onDay(16);
    const opportunity = nudgeOpportunity(loan, { today, profile, promisedDate: "2026-03-23" });
    expect(opportunity?.slot).toMatchObject({
      kind: "broken_promise",
      anchor: "2026-03-23",
      offset: 3,
      date: "2026-03-26",
    });
  });

  it("ignores a promise older than the current delinquency", () => {
    const { loan, today } = onDay(1);
    const opportunity = nudgeOpportunity(loan, { today, profile, promisedDate: "2026-02-01" });
    expect(opportunity?.slot.kind).toBe("overdue");
  });

  it("gives each slot a stable dedupe key per loan", () => {
    const { loan, today } = onDay(7);
    const opportunity = nudgeOpportunity(loan, { today, profile });
    expect(opportunity && nudgeDedupeKey("loan-1", opportunity)).toBe(
      "loan-1:follow_up@2026-03-10+7d",
    );
  });
});

describe("nextOpportunityAt", () => {
  it("is today while a nudge is due", () => {
    const { loan, today } = onDay(3);
    expect(nextOpportunityAt(loan, { today, profile })).toBe(today);
  });

  it("is T-3 for a current loan", () => {
    const { loan, today } = onDay(-20);
    expect(nextOpportunityAt(loan, { today, profile })).toBe("2026-03-07");
  });

  it("is the next slot once today's is served", () => {
    const next = (offset: number) => {
      const { loan, today } = onDay(offset);
      return nextOpportunityAt(loan, { today, profile, lastNudgeOn: today });
    };
    expect(next(0)).toBe("2026-03-11");
    expect(next(7)).toBe("2026-03-20");
    expect(next(10)).toBe("2026-03-24");
    expect(next(14)).toBe("2026-03-31");
  });
});
