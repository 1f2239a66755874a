// Reason codes a contact decision can carry, strongest first: the order decide() checks them in.

/**
 * Strongest first. Standing facts about the borrower come before pauses, pauses before the
 * cadence, and the cadence before the clock-driven limits, so an audit reads top-down.
 */
export const REASON_CODES = [
  "FLAG_DECEASED",
  "FLAG_BANKRUPTCY",
  "FLAG_HARDSHIP",
  "OPTED_OUT",
  "CHANNEL_UNREACHABLE",
  "PAUSED_DISPUTE",
  "HANDOFF_OPEN",
  "AGENT_HOLD",
  "PAUSED_PLAN",
  "PAUSED_PROMISE",
  "NOTHING_DUE",
  "NOT_IN_CADENCE",
  "COOL_DOWN",
  "HARD_CEILING",
  "WEEKLY_CAP",
  "DAILY_CAP",
  "HOLIDAY",
  "QUIET_HOURS",
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

const RANK: ReadonlyMap<ReasonCode, number> = new Map(REASON_CODES.map((code, i) => [code, i]));

/** Distinct reasons in check order, strongest first. */
export function orderReasons(reasons: Iterable<ReasonCode>): ReasonCode[] {
  return [...new Set(reasons)].sort((a, b) => (RANK.get(a) ?? 0) - (RANK.get(b) ?? 0));
}
