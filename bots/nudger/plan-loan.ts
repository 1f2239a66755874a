// Deciding one loan of a planner page: the policy's answer, its outbox row, its next look, its report.
import type { IsoDate } from "../../core/dates/index.ts";
import type { LoanState } from "../../core/ledger/index.ts";
import {
  type BorrowerContext,
  type ContactProfile,
  cadenceContext,
  type DecisionListener,
  decideForLoan,
  deferredUntil,
  localInstant,
  type NudgeKind,
  type NudgeOutcome,
  nextNudgeAfterToday,
  nextOpportunityAt,
  nudgeDedupeKey,
  nudgeOpportunity,
  type PolicyPause,
  policyPauses,
  windowOpeningAt,
} from "../../core/policy/index.ts";
import type { NextNudge, NudgeRow, PlannedNudge, StoredLoan } from "../../core/ports/index.ts";

/** A loan with its state as of the borrower's today (closed loans have none). */
export interface PlannedLoan {
  readonly loan: StoredLoan;
  readonly today?: IsoDate;
  readonly state?: LoanState;
}

export type PlanResults = readonly { readonly row: NudgeRow; readonly created: boolean }[];

/** What a page's decisions leave to do once they are all made: one outbox write, reports, next looks. */
export interface PageWrites {
  readonly nudges: PlannedNudge[];
  /** In decision order; a planned decision reads its row from the write's results. */
  readonly reports: ((planned: PlanResults) => void)[];
  readonly next: NextNudge[];
}

/** The decisions a page counts (the pass adds them up). */
export interface DecisionCounts {
  planned: number;
  deferred: number;
  suppressed: number;
}

/** What every decision of one page shares: the profile, the listener, the counts, the writes, the instant. */
export interface PagePlan {
  readonly profile: ContactProfile;
  readonly onDecision?: DecisionListener;
  readonly counts: DecisionCounts;
  readonly writes: PageWrites;
  readonly now: string;
}

/** Counts a decision and queues its report (to the listener, if any) for after the page's write. */
function reportDecision(
  { onDecision: listener, counts, writes, now }: PagePlan,
  context: BorrowerContext,
  loanId: string,
  decision: NudgeOutcome,
  kind: NudgeKind | null,
  reasons: readonly string[],
  extra: { until?: string; nudgeId?: string; escalateToAgent?: boolean } = {},
): void {
  counts[
    decision === "planned" ? "planned" : decision === "deferred" ? "deferred" : "suppressed"
  ]++;
  if (!listener) return;
  const { borrower } = context;
  const event = {
    at: now,
    local: localInstant(now, borrower.timeZone),
    borrowerId: borrower.id,
    loanId,
    channel: context.channel ?? null,
    kind,
    decision,
    reasons,
    stage: "plan" as const,
    ...extra,
  };
  writes.reports.push(() => listener(event));
}

/** Between cadence dates (or with nothing due) there is no slot to name; otherwise the slot the decision is about. */
function slotKindOf(
  reasons: readonly string[],
  state: LoanState,
  today: IsoDate,
  pauses: readonly PolicyPause[],
  profile: ContactProfile,
): NudgeKind | null {
  return reasons.includes("NOT_IN_CADENCE") || reasons.includes("NOTHING_DUE")
    ? null
    : (nudgeOpportunity(state, cadenceContext(today, pauses, profile))?.slot.kind ?? null);
}

/**
 * Decides one loan, queues its outbox row if it is to be sent (written with the page's), and
 * says when to look again. Module functions rather than closures per loan: a pass decides
 * every due loan of the book.
 */
export function planLoan(
  plan: PagePlan,
  context: BorrowerContext,
  view: PlannedLoan,
  fullPolicy: boolean,
): NextNudge {
  const { profile, counts, writes, now } = plan;
  const { borrower } = context;
  const { loan } = view;
  const timeZone = borrower.timeZone;
  if (loan.status !== "active") {
    reportDecision(plan, context, loan.id, "suppressed", null, ["NOTHING_DUE"]);
    return { id: loan.id };
  }
  const today = view.today as IsoDate;
  const state = view.state as LoanState;
  const pauses = policyPauses(loan.id, context.pauses, context.promises, timeZone);

  if (!fullPolicy) {
    const nextDate = nextOpportunityAt(state, cadenceContext(today, pauses, profile));
    if (nextDate === undefined) {
      reportDecision(plan, context, loan.id, "suppressed", null, ["NOTHING_DUE"]);
      return { id: loan.id, at: nextNudgeAfterToday(state, today, pauses, profile, timeZone, now) };
    }
    const until = deferredUntil(windowOpeningAt(nextDate, timeZone, profile), now);
    reportDecision(plan, context, loan.id, "deferred", null, ["NOT_IN_CADENCE"], { until });
    return { id: loan.id, at: until };
  }
  const channel = context.channel;
  if (channel === undefined) {
    const kind = slotKindOf([], state, today, pauses, profile);
    reportDecision(plan, context, loan.id, "suppressed", kind, ["CHANNEL_UNREACHABLE"]);
    return { id: loan.id, at: nextNudgeAfterToday(state, today, pauses, profile, timeZone, now) };
  }
  const decision = decideForLoan(context, loan.id, state, channel, now, profile);
  if (decision.decision === "send") {
    const { opportunity } = decision;
    const index = writes.nudges.length;
    writes.nudges.push({
      dedupeKey: nudgeDedupeKey(loan.id, opportunity),
      borrowerId: borrower.id,
      loanId: loan.id,
      kind: opportunity.slot.kind,
      channel,
      plannedFor: now,
      reasonCodes: [],
    });
    counts.planned++;
    const listener = plan.onDecision;
    writes.reports.push((planned) => {
      const { row, created } = planned[index] as PlanResults[number];
      // Another planner (or an earlier run) wrote this slot's row: it stands, once.
      listener?.({
        at: now,
        local: localInstant(now, timeZone),
        borrowerId: borrower.id,
        loanId: loan.id,
        channel,
        kind: opportunity.slot.kind,
        decision: "planned",
        reasons: created ? [] : ["ALREADY_PLANNED"],
        stage: "plan",
        nudgeId: row.id,
        escalateToAgent: opportunity.escalateToAgent,
      });
    });
    return { id: loan.id, at: nextNudgeAfterToday(state, today, pauses, profile, timeZone, now) };
  }
  if (decision.decision === "defer") {
    const until = deferredUntil(decision.until, now);
    const kind = slotKindOf(decision.reasons, state, today, pauses, profile);
    reportDecision(plan, context, loan.id, "deferred", kind, decision.reasons, {
      until,
    });
    return { id: loan.id, at: until };
  }
  const kind = slotKindOf(decision.reasons, state, today, pauses, profile);
  reportDecision(plan, context, loan.id, "suppressed", kind, decision.reasons);
  return { id: loan.id, at: nextNudgeAfterToday(state, today, pauses, profile, timeZone, now) };
}
