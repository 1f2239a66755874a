// When a reading is sure enough to act on, and which intents record something when acted on.
import type { IntentName } from "./types.ts";

/** Below this, a reading is no reading at all: "unknown", and the borrower gets the menu. */
export const UNKNOWN_BELOW = 0.3;

/** Below this, any reading is a question back ("Did you mean ...?"), not an answer. */
export const ASK_BELOW = 0.5;

/** Below this, an intent that records something is confirmed first. */
export const CONFIRM_BELOW = 0.75;

/**
 * Intents whose handlers record something (a promise, an opt-out or opt-in, a dispute and its
 * pause). A plan is only accepted by tapping its confirm button, so a plan request records nothing.
 */
export const CONSEQUENTIAL: ReadonlySet<IntentName> = new Set([
  "promise_to_pay",
  "opt_out",
  "opt_in",
  "dispute",
]);

/** At most this many intents are offered when asking. */
export const MAX_ALTERNATIVES = 3;

/** An alternative less likely than this is not worth a button. */
export const ALTERNATIVE_FLOOR = 0.08;

/**
 * True when `intent` at `confidence` must be asked about or confirmed before acting. A
 * consequential intent that no rule read (`ruled` false) is always confirmed: the classifier
 * alone never records a promise, an opt-out or a dispute.
 */
export function needsAsking(intent: IntentName, confidence: number, ruled: boolean): boolean {
  if (intent === "unknown") return false;
  if (confidence < ASK_BELOW) return true;
  return CONSEQUENTIAL.has(intent) && (!ruled || confidence < CONFIRM_BELOW);
}
