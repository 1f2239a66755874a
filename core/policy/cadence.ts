// The dunning cadence: which nudge (if any) a loan is due on a borrower-local date, and when next.
import { addDays, daysBetween, type IsoDate } from "../dates/iso-date.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import type { NudgeKind } from "../nudges/nudge-message.ts";
import type { CadenceRules, ContactProfile } from "./profiles.ts";

export type { NudgeKind };

/** One date in the cadence: `offset` days from `anchor` (a due date or a promised date). */
export interface CadenceSlot {
  readonly kind: NudgeKind;
  readonly anchor: IsoDate;
  readonly offset: number;
  readonly date: IsoDate;
  /** Stable per loan, for the outbox dedupe key: "follow_up@2026-03-01+7d". */
  readonly key: string;
}

export interface NudgeOpportunity {
  readonly slot: CadenceSlot;
  /** Days past due on the borrower's local date (0 when current). */
  readonly daysPastDue: number;
  /** Past the profile's escalation day: an agent should pick the loan up too. */
  readonly escalateToAgent: boolean;
}

export interface CadenceContext {
  /** The borrower's local date. */
  readonly today: IsoDate;
  readonly profile: ContactProfile;
  /** Local date of the last automated nudge about this loan: slots up to it are served. */
  readonly lastNudgeOn?: IsoDate;
  /** An accepted plan is in force: due-date reminders become plan_installment. */
  readonly onPlan?: boolean;
  /** The latest promised payment date: if it and the grace pass unpaid, broken_promise. */
  readonly promisedDate?: IsoDate;
}

/**
 * The due date the cadence counts from: the oldest unpaid due date when overdue (as of the
 * state's date, so an older state is carried forward), else the next due date.
 */
export function cadenceAnchor(loan: LoanState): IsoDate | undefined {
  if (loan.paidOff) return undefined;
  if (loan.daysPastDue > 0) return addDays(loan.asOf, -loan.daysPastDue);
  return loan.nextDue?.date;
}

/** Per profile's rules (frozen by profiles.ts, read-only by type), the offsets through each day asked for. */
const offsetsByRules = new WeakMap<CadenceRules, Map<number, readonly number[]>>();

/** The overdue offsets through `upTo`, remembered per rules (a pure function of both). */
function overdueOffsets(rules: CadenceRules, upTo: number): readonly number[] {
  let byDay = offsetsByRules.get(rules);
  if (byDay === undefined) {
    byDay = new Map();
    offsetsByRules.set(rules, byDay);
  }
  let offsets = byDay.get(upTo);
  if (offsets === undefined) {
    offsets = Object.freeze(offsetsThrough(rules, upTo));
    if (byDay.size >= 10_000) byDay.clear();
    byDay.set(upTo, offsets);
  }
  return offsets;
}

function offsetsThrough(rules: CadenceRules, upTo: number): number[] {
  const offsets = new Set(rules.overdueDays.filter((d) => d <= upTo));
  if (rules.planOfferFromDays <= upTo) offsets.add(rules.planOfferFromDays);
  const last = rules.overdueDays[rules.overdueDays.length - 1] ?? 0;
  for (let d = last + rules.thenEveryDays; d <= upTo; d += rules.thenEveryDays) offsets.add(d);
  return [...offsets].sort((a, b) => a - b);
}

function kindAt(offset: number, rules: CadenceRules, onPlan: boolean): NudgeKind {
  if (offset <= 0) return onPlan ? "plan_installment" : offset === 0 ? "due_today" : "pre_due";
  if (offset >= rules.planOfferFromDays) return "plan_offer";
  return offset === rules.overdueDays[0] ? "overdue" : "follow_up";
}

function slot(kind: NudgeKind, anchor: IsoDate, offset: number): CadenceSlot {
  const sign = offset < 0 ? "-" : "+";
  const key = `${kind}@${anchor}${sign}${Math.abs(offset)}d`;
  return { kind, anchor, offset, date: addDays(anchor, offset), key };
}

/** Every slot from the first pre-due day through `upTo` days past the anchor, date order. */
function slotsThrough(anchor: IsoDate, upTo: number, context: CadenceContext): CadenceSlot[] {
  const { cadence: rules, promiseGraceDays } = context.profile;
  const offsets = [...rules.preDueDays.map((d) => -d).reverse(), 0, ...overdueOffsets(rules, upTo)];
  const slots = offsets
    .filter((offset) => offset <= upTo)
    .map((offset) => slot(kindAt(offset, rules, context.onPlan ?? false), anchor, offset));
  const promised = context.promisedDate;
  if (promised !== undefined && promised >= anchor) {
    const broken = slot("broken_promise", promised, promiseGraceDays + 1);
    if (daysBetween(anchor, broken.date) <= upTo) slots.push(broken);
  }
  // Date order; a broken promise sorts after (outranks) a regular slot on the same date.
  const ranks = slots.map((s) => `${s.date}${s.kind === "broken_promise" ? "1" : "0"}`);
  // Usually in order already (offsets ascend): the stable sort would leave them as they are.
  if (ranks.every((rank, i) => i === 0 || (ranks[i - 1] as string) <= rank)) return slots;
  return slots
    .map((s, i) => ({ s, rank: ranks[i] as string }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map(({ s }) => s);
}

/** Whether the loan owes anything that a cadence could remind about. */
export function hasSomethingDue(loan: LoanState): boolean {
  return cadenceAnchor(loan) !== undefined;
}

/**
 * The nudge due on `today`: the latest cadence slot on or before today that no automated
 * nudge has served yet (so a slot missed to caps or quiet hours is caught up once, never
 * twice). Undefined when nothing is due today.
 *
 * @example nudgeOpportunity(state, { today: "2026-03-04", profile: contactProfiles.default })
 */
export function nudgeOpportunity(
  loan: LoanState,
  context: CadenceContext,
): NudgeOpportunity | undefined {
  const anchor = cadenceAnchor(loan);
  if (anchor === undefined) return undefined;
  const elapsed = daysBetween(anchor, context.today);
  const latest = slotsThrough(anchor, elapsed, context).at(-1);
  if (latest === undefined) return undefined;
  if (context.lastNudgeOn !== undefined && context.lastNudgeOn >= latest.date) return undefined;
  const daysPastDue = Math.max(0, elapsed);
  return {
    slot: latest,
    daysPastDue,
    escalateToAgent: daysPastDue >= context.profile.cadence.escalateFromDays,
  };
}

/** Whether the loan is far enough past due on `today` for an agent to pick it up (from +30). */
export function agentEscalationDue(loan: LoanState, context: CadenceContext): boolean {
  const anchor = cadenceAnchor(loan);
  if (anchor === undefined) return false;
  return daysBetween(anchor, context.today) >= context.profile.cadence.escalateFromDays;
}

/**
 * The first borrower-local date, today or later, on which a nudge could be due if nothing is
 * paid: today when one is due now, else the next unserved slot. For the planner's nextNudgeAt.
 */
export function nextOpportunityAt(loan: LoanState, context: CadenceContext): IsoDate | undefined {
  if (nudgeOpportunity(loan, context)) return context.today;
  const anchor = cadenceAnchor(loan);
  if (anchor === undefined) return undefined;
  const after =
    context.lastNudgeOn !== undefined && context.lastNudgeOn > context.today
      ? context.lastNudgeOn
      : context.today;
  const rules = context.profile.cadence;
  const reach =
    Math.max(rules.thenEveryDays, rules.planOfferFromDays, ...rules.overdueDays) +
    context.profile.promiseGraceDays +
    1;
  const upTo = Math.max(daysBetween(anchor, after), 0) + reach;
  return slotsThrough(anchor, upTo, context).find((s) => s.date > after)?.date;
}

/** The outbox dedupe key for a loan's nudge: one row per loan and cadence slot. */
export function nudgeDedupeKey(loanId: string, opportunity: NudgeOpportunity): string {
  return `${loanId}:${opportunity.slot.key}`;
}
