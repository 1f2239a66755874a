// One nudge decision as the nudger reports it: what, about whom, when (UTC and local), and why.
import { DateTime } from "luxon";
import { zoneFor } from "../dates/time-zone.ts";
import type { Channel } from "../ports/index.ts";
import type { NudgeKind } from "./cadence.ts";

/**
 * planned: the planner wrote an outbox row; sent / failed: the dispatcher's outcome;
 * deferred / suppressed: the policy said not now / not at all, at planning or at send time.
 */
export type NudgeOutcome = "planned" | "sent" | "deferred" | "suppressed" | "failed";

export interface NudgeDecisionEvent {
  /** UTC ISO instant of the decision. */
  readonly at: string;
  /** The same instant in the borrower's zone, with its offset. */
  readonly local: string;
  readonly borrowerId: string;
  readonly loanId: string;
  readonly channel: Channel | null;
  readonly kind: NudgeKind | null;
  readonly decision: NudgeOutcome;
  readonly reasons: readonly string[];
  readonly stage: "plan" | "dispatch";
  /** For deferred: when it may go. */
  readonly until?: string;
  /** For sent: the message. */
  readonly text?: string;
  /** For sent, when a model was asked to reword it: whose words went out. */
  readonly wording?: "model" | "template";
  /** For sent in the template's words: why the model's were refused. */
  readonly rejectedBecause?: string;
  /** The outbox row, once there is one. */
  readonly nudgeId?: string;
  /** Past the profile's escalation day: an agent should pick the loan up too. */
  readonly escalateToAgent?: boolean;
  /** For sent: the tone its segment rule chose, and the rule's name. */
  readonly tone?: string;
  readonly segment?: string;
  /** For sent: the repayment score (0-100) and grade the segment rule saw. */
  readonly score?: number;
  readonly scoreGrade?: string;
}

export type DecisionListener = (event: NudgeDecisionEvent) => void;

/** Per zone, the last instant written and its text: a planner pass asks for one instant. */
const lastLocalInstant = new Map<string, { readonly at: string; readonly text: string }>();

/** "2026-03-10T10:00:00.000-04:00" for a UTC instant in `timeZone`. */
export function localInstant(at: string, timeZone: string): string {
  const last = lastLocalInstant.get(timeZone);
  if (last?.at === at) return last.text;
  const local = DateTime.fromISO(at, { zone: "utc" }).setZone(zoneFor(timeZone));
  const text = (local.isValid ? local : DateTime.fromISO(at, { zone: "utc" })).toISO() as string;
  if (lastLocalInstant.size >= 10_000) lastLocalInstant.clear();
  lastLocalInstant.set(timeZone, { at, text });
  return text;
}
