// Picks a nudge's tone from simple, explainable segments of the borrower's history.
//
// The first rule that matches wins; its name is recorded with the nudge for the audit.
//   1. pre-due, due-today  kind pre_due / due_today                          -> friendly
//   2. on-a-plan           kind plan_installment                             -> reassuring
//   3. broken-promises     more promises broken than kept                    -> direct
//   4. kept-promises       at least one promise kept                         -> reassuring
//   5. repeatedly-late     late 2+ times before (REPEATEDLY_LATE_FROM)       -> direct
//   6. low-score           repayment score below 30 (LOW_SCORE_BELOW)       -> reassuring
//   7. first-time-late     never late before                                 -> friendly
//   8. good-history        late once, 6+ paid on time (GOOD_HISTORY_FROM)    -> reassuring
//   9. late-before         late once before                                  -> friendly
// Direct is kept for borrowers with whom gentler words have demonstrably not worked; a kept
// promise is the latest sign of good faith, so it outranks a record of lateness. Direct still
// means plain and respectful, never threatening. A very low score without that record (long
// lateness now, little paid: core/score) reads as difficulty, not unwillingness: the supportive
// tone, which leads with help, rather than the friendly one meant for a first slip. The amount owed does not pick the tone: the
// facts hold no baseline to call an amount "large" against, and tone must not track wealth.
import type { NudgeHistory, NudgeKind, NudgeTone } from "./nudge-message.ts";

export const REPEATEDLY_LATE_FROM = 2;
export const GOOD_HISTORY_FROM = 6;
/** A score (0-100) below this picks the supportive tone when no stronger rule applies. */
export const LOW_SCORE_BELOW = 30;

export type NudgeSegmentName =
  | "pre-due"
  | "due-today"
  | "on-a-plan"
  | "broken-promises"
  | "kept-promises"
  | "repeatedly-late"
  | "low-score"
  | "first-time-late"
  | "good-history"
  | "late-before";

export interface NudgeSegment {
  readonly tone: NudgeTone;
  readonly segment: NudgeSegmentName;
}

function segment(tone: NudgeTone, name: NudgeSegmentName): NudgeSegment {
  return { tone, segment: name };
}

/**
 * The tone for a nudge of `kind` to a borrower with `history`, and the rule that chose it.
 * @example nudgeSegment("overdue", { timesLate: 0, promisesKept: 0, promisesBroken: 0 })
 * // { tone: "friendly", segment: "first-time-late" }
 */
export function nudgeSegment(kind: NudgeKind, history: NudgeHistory, byScore = true): NudgeSegment {
  if (kind === "pre_due") return segment("friendly", "pre-due");
  if (kind === "due_today") return segment("friendly", "due-today");
  if (kind === "plan_installment") return segment("reassuring", "on-a-plan");
  const { timesLate, promisesKept, promisesBroken } = history;
  if (promisesBroken > promisesKept) return segment("direct", "broken-promises");
  if (promisesKept > 0) return segment("reassuring", "kept-promises");
  if (timesLate >= REPEATEDLY_LATE_FROM) return segment("direct", "repeatedly-late");
  if (byScore && history.score !== undefined && history.score < LOW_SCORE_BELOW) {
    return segment("reassuring", "low-score");
  }
  if (timesLate <= 0) return segment("friendly", "first-time-late");
  if ((history.onTimeInstallments ?? 0) >= GOOD_HISTORY_FROM) {
    return segment("reassuring", "good-history");
  }
  return segment("friendly", "late-before");
}
