// The nudge planner: finds loans with a nudge opportunity, asks the policy, writes outbox rows.
//
// One row per loan and cadence slot (dedupe key `<loan id>:<slot key>`), so two planners at
// once, or one run twice, write each nudge once. Loans of one borrower are planned as separate
// rows at the same instant and the dispatcher sends the rows of one borrower it claims
// together as ONE message (one provider message id on every row), which the policy's caps
// count once. The caps are per borrower (decide() reads every sent row of the borrower).
import type { IsoDate } from "../../core/dates/iso-date.ts";
import type { LoanState } from "../../core/ledger/loan-state.ts";
import {
  type ContactProfile,
  type NudgeKind,
  nextOpportunityAt,
  nudgeDedupeKey,
  nudgeOpportunity,
} from "../../core/policy/index.ts";
import type { Channel, Store, StoredLoan } from "../../core/ports/index.ts";
import {
  type BorrowerContext,
  decideForLoan,
  loadBorrowerContext,
  loanToday,
} from "./borrower-context.ts";
import { type DecisionListener, localInstant, type NudgeOutcome } from "./decision-event.ts";
import { forEachLimit, groupBy } from "./for-each-limit.ts";
import {
  cadenceContext,
  deferredUntil,
  nextNudgeAfterToday,
  windowOpeningAt,
} from "./next-nudge-at.ts";
import { policyPauses } from "./policy-inputs.ts";
import { primeNextNudges } from "./prime.ts";

export interface PlannerDeps {
  readonly store: Store;
  readonly profile: ContactProfile;
  /** Channels nudges may go out on, preferred first. Default ["telegram"]. */
  readonly channels?: readonly Channel[];
  /** Loans read per page: memory stays bounded by this. Default 200. */
  readonly pageSize?: number;
  /** Borrowers decided at once (round trips overlap on PostgreSQL). Default 4. */
  readonly concurrency?: number;
  readonly onDecision?: DecisionListener;
}

export interface PlanTickResult {
  readonly primed: number;
  readonly loans: number;
  readonly planned: number;
  readonly deferred: number;
  readonly suppressed: number;
}

type Counts = { -readonly [K in keyof PlanTickResult]: PlanTickResult[K] };

/**
 * One planner pass at `now`: primes new loans, then pages through loans due for a look
 * (nextNudgeAt <= now) and gives each a decision and a new nextNudgeAt after `now`.
 *
 * @example await planTick({ store, profile: contactProfile("default") }, new Date().toISOString())
 */
export async function planTick(deps: PlannerDeps, now: string): Promise<PlanTickResult> {
  const pageSize = deps.pageSize ?? 200;
  const counts: Counts = { primed: 0, loans: 0, planned: 0, deferred: 0, suppressed: 0 };
  counts.primed = await primeNextNudges(deps.store, now);
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const page = await deps.store.loans.dueForNudge(now, pageSize, after);
    if (page.length === 0) break;
    const last = page.at(-1) as StoredLoan;
    after = { at: last.nextNudgeAt ?? now, id: last.id };
    const borrowers = groupBy(page, (loan) => loan.borrowerId);
    await forEachLimit(borrowers, deps.concurrency ?? 4, (loans) =>
      planBorrower(deps, loans, now, counts),
    );
    counts.loans += page.length;
    if (page.length < pageSize) break;
  }
  return counts;
}

/** A loan with its state as of the borrower's today (closed loans have none). */
interface LoanView {
  readonly loan: StoredLoan;
  readonly today?: IsoDate;
  readonly state?: LoanState;
}

/**
 * Most visits fall between cadence dates (a current loan is looked at once per slot, a
 * deferral wakes it at the next one): then the cadence alone, from the loan and its promises,
 * gives the answer, and the rest of the borrower's contact record is not read. On a cadence
 * date the whole policy runs (and again at send time).
 */
async function planBorrower(
  deps: PlannerDeps,
  loans: readonly StoredLoan[],
  now: string,
  counts: Counts,
): Promise<void> {
  const { store, profile } = deps;
  const borrowerId = (loans[0] as StoredLoan).borrowerId;
  const [borrower, promises] = await Promise.all([
    store.borrowers.byId(borrowerId),
    store.contact.promises(borrowerId),
  ]);
  if (!borrower) return;
  const views: LoanView[] = await Promise.all(
    loans.map(async (loan) =>
      loan.status === "active"
        ? { loan, ...(await loanToday(store, loan, now, borrower.timeZone)) }
        : { loan },
    ),
  );
  const inCadence = views.some(
    (view) =>
      view.state !== undefined &&
      nudgeOpportunity(
        view.state,
        cadenceContext(
          view.today as IsoDate,
          policyPauses(view.loan.id, [], promises, borrower.timeZone),
          profile,
        ),
      ) !== undefined,
  );
  const channels = deps.channels ?? ["telegram"];
  const context: BorrowerContext | undefined = inCadence
    ? await loadBorrowerContext(store, borrowerId, now, channels, { borrower, promises })
    : {
        borrower,
        optedOut: [],
        unreachable: [],
        pauses: [],
        promises,
        history: [],
        inbound: [],
        handoffOpen: false,
      };
  if (!context) return;
  for (const view of views) await planLoan(deps, context, view, now, counts, inCadence);
}

async function planLoan(
  deps: PlannerDeps,
  context: BorrowerContext,
  view: LoanView,
  now: string,
  counts: Counts,
  fullPolicy: boolean,
): Promise<void> {
  const { store, profile } = deps;
  const { borrower } = context;
  const { loan } = view;
  const timeZone = borrower.timeZone;
  const report = (
    decision: NudgeOutcome,
    kind: NudgeKind | null,
    reasons: readonly string[],
    extra: { until?: string; nudgeId?: string; escalateToAgent?: boolean } = {},
  ) => {
    counts[
      decision === "planned" ? "planned" : decision === "deferred" ? "deferred" : "suppressed"
    ]++;
    deps.onDecision?.({
      at: now,
      local: localInstant(now, timeZone),
      borrowerId: borrower.id,
      loanId: loan.id,
      channel: context.channel ?? null,
      kind,
      decision,
      reasons,
      stage: "plan",
      ...extra,
    });
  };

  if (loan.status !== "active") {
    await store.loans.setNextNudgeAt(loan.id, undefined);
    report("suppressed", null, ["NOTHING_DUE"]);
    return;
  }
  const today = view.today as IsoDate;
  const state = view.state as LoanState;
  const pauses = policyPauses(loan.id, context.pauses, context.promises, timeZone);
  const next = () => nextNudgeAfterToday(state, today, pauses, profile, timeZone, now);
  // Between cadence dates there is no slot to name; otherwise the slot the decision is about.
  const slotKind = (reasons: readonly string[] = []) =>
    reasons.includes("NOT_IN_CADENCE") || reasons.includes("NOTHING_DUE")
      ? null
      : (nudgeOpportunity(state, cadenceContext(today, pauses, profile))?.slot.kind ?? null);

  if (!fullPolicy) {
    const nextDate = nextOpportunityAt(state, cadenceContext(today, pauses, profile));
    if (nextDate === undefined) {
      await store.loans.setNextNudgeAt(loan.id, next());
      report("suppressed", null, ["NOTHING_DUE"]);
      return;
    }
    const until = deferredUntil(windowOpeningAt(nextDate, timeZone, profile), now);
    await store.loans.setNextNudgeAt(loan.id, until);
    report("deferred", null, ["NOT_IN_CADENCE"], { until });
    return;
  }
  const channel = context.channel;
  if (channel === undefined) {
    await store.loans.setNextNudgeAt(loan.id, next());
    report("suppressed", slotKind(), ["CHANNEL_UNREACHABLE"]);
    return;
  }
  const decision = decideForLoan(context, loan.id, state, channel, now, profile);
  if (decision.decision === "send") {
    const { opportunity } = decision;
    const { row, created } = await store.outbox.plan({
      dedupeKey: nudgeDedupeKey(loan.id, opportunity),
      borrowerId: borrower.id,
      loanId: loan.id,
      kind: opportunity.slot.kind,
      channel,
      plannedFor: now,
      reasonCodes: [],
    });
    await store.loans.setNextNudgeAt(loan.id, next());
    // Another planner (or an earlier run) wrote this slot's row: it stands, once.
    report("planned", opportunity.slot.kind, created ? [] : ["ALREADY_PLANNED"], {
      nudgeId: row.id,
      escalateToAgent: opportunity.escalateToAgent,
    });
    return;
  }
  if (decision.decision === "defer") {
    const until = deferredUntil(decision.until, now);
    await store.loans.setNextNudgeAt(loan.id, until);
    report("deferred", slotKind(decision.reasons), decision.reasons, { until });
    return;
  }
  await store.loans.setNextNudgeAt(loan.id, next());
  report("suppressed", slotKind(decision.reasons), decision.reasons);
}
