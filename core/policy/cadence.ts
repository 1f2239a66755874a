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

/** Per profile's rules, the regular (due-date) offsets through each day asked for, ascending. */
const regularByRules = new WeakMap<CadenceRules, Map<number, readonly number[]>>();

/**
 * The pre-due, due-day and overdue offsets through `upTo`, ascending: the regular slots in
 * date order. Remembered per rules (a pure function of both), so a pass over a book does not
 * build and sort every slot of every loan to look at one or two of them.
 */
function regularOffsets(rules: CadenceRules, upTo: number): readonly number[] {
  let byDay = regularByRules.get(rules);
  if (byDay === undefined) {
    byDay = new Map();
    regularByRules.set(rules, byDay);
  }
  let offsets = byDay.get(upTo);
  if (offsets === undefined) {
    const all = [...rules.preDueDays.map((d) => -d), 0, ...overdueOffsets(rules, upTo)];
    offsets = Object.freeze(all.filter((offset) => offset <= upTo).sort((a, b) => a - b));
    if (byDay.size >= 10_000) byDay.clear();
    byDay.set(upTo, offsets);
  }
  return offsets;
}

/** The broken-promise slot when the promised date (on or after the anchor) and its grace fall within `upTo`. */
function brokenPromiseThrough(
  anchor: IsoDate,
  upTo: number,
  context: CadenceContext,
): CadenceSlot | undefined {
  const promised = context.promisedDate;
  if (promised === undefined || promised < anchor) return undefined;
  const broken = slot("broken_promise", promised, context.profile.promiseGraceDays + 1);
  return daysBetween(anchor, broken.date) <= upTo ? broken : undefined;
}

/**
 * The last slot, in date order, from the first pre-due day through `upTo` days past the
 * anchor; a broken promise outranks a regular slot on the same date.
 */
function latestSlotThrough(
  anchor: IsoDate,
  upTo: number,
  context: CadenceContext,
): CadenceSlot | undefined {
  const rules = context.profile.cadence;
  const offset = regularOffsets(rules, upTo).at(-1);
  const regular =
    offset === undefined
      ? undefined
      : slot(kindAt(offset, rules, context.onPlan ?? false), anchor, offset);
  const broken = brokenPromiseThrough(anchor, upTo, context);
  if (broken === undefined) return regular;
  return regular === undefined || broken.date >= regular.date ? broken : regular;
}

/** The first slot's date after `after`, among the slots through `upTo` days past the anchor. */
function firstDateAfter(
  anchor: IsoDate,
  upTo: number,
  after: IsoDate,
  context: CadenceContext,
): IsoDate | undefined {
  const elapsed = daysBetween(anchor, after);
  const offset = regularOffsets(context.profile.cadence, upTo).find((o) => o > elapsed);
  const regular = offset === undefined ? undefined : addDays(anchor, offset);
  const broken = brokenPromiseThrough(anchor, upTo, context)?.date;
  if (broken === undefined || broken <= after) return regular;
  return regular === undefined || regular < broken ? regular : broken;
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
  const latest = latestSlotThrough(anchor, elapsed, context);
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
  return firstDateAfter(anchor, upTo, after, context);
}

/** The outbox dedupe key for a loan's nudge: one row per loan and cadence slot. */
export function nudgeDedupeKey(loanId: string, opportunity: NudgeOpportunity): string {
  return `${loanId}:${opportunity.slot.key}`;
}
