// How every store keeps a nudge decision: instants checked and normalised, no undefined fields.
import type { NudgeDecision } from "../ports/decisions.ts";
import { toInstant } from "./instant.ts";

/** The decision as a store keeps it: instants normalised, no undefined fields, its own arrays. */
export function storedDecision(decision: NudgeDecision): NudgeDecision {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(decision)) if (value !== undefined) copy[key] = value;
  return {
    ...(copy as unknown as NudgeDecision),
    at: toInstant(decision.at, "at"),
    reasons: [...decision.reasons],
    ...(decision.until !== undefined ? { until: toInstant(decision.until, "until") } : {}),
  };
}
