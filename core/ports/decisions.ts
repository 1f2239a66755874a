// Port: every planner and dispatcher decision, kept for a while so any contact can be explained.
import type { Channel } from "./identities.ts";

/**
 * planned: the planner wrote an outbox row; sent / failed: the dispatcher's outcome;
 * deferred / suppressed: the policy said not now / not at all, at planning or at send time.
 */
export type DecisionOutcome = "planned" | "sent" | "deferred" | "suppressed" | "failed";

/**
 * One nudge decision, as the nudger reports it live and the simulator explains it: what, about
 * whom, when (UTC and the borrower's local time), why, and under which contact profile.
 */
export interface NudgeDecision {
  /** UTC ISO instant of the decision. */
  readonly at: string;
  /** The same instant in the borrower's zone, with its offset. */
  readonly local: string;
  readonly borrowerId: string;
  /** Empty when the decision is about no loan in particular. */
  readonly loanId: string;
  readonly channel: Channel | null;
  /** The cadence step (pre_due, overdue, ...); null between cadence dates. */
  readonly kind: string | null;
  readonly decision: DecisionOutcome;
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
  /** For sent: the tone the segment rule chose (friendly, reassuring, direct). */
  readonly tone?: string;
  /** For sent: the segment rule that chose the tone (first-time-late, kept-promises, ...). */
  readonly segment?: string;
  /** The contact profile the decision was made under (default, us-reg-f, cn). */
  readonly profile?: string;
  /** For sent: the repayment score (0-100, core/score) the segment rule saw. */
  readonly score?: number;
  /** For sent: that score's grade (good, fair, poor). */
  readonly scoreGrade?: string;
}

export interface DecisionLog {
  /** Records decisions in one write where the store can; order is kept. */
  appendMany(decisions: readonly NudgeDecision[]): Promise<void>;
  /**
   * The borrower's decisions at or after `since`: the newest `limit` of them, oldest first
   * (time, then the order they were recorded in).
   */
  forBorrower(borrowerId: string, since: string, limit: number): Promise<NudgeDecision[]>;
  /**
   * Deletes at most `limit` decisions made before `before`, oldest first; returns how many. A
   * retention job calls it until it returns less than `limit`.
   */
  pruneBefore(before: string, limit: number): Promise<number>;
}
