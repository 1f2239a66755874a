// One thing standing in the way of a nudge at a given instant, and when (if ever) it lifts.
import type { ReasonCode } from "./reasons.ts";

export interface Block {
  readonly reason: ReasonCode;
  /**
   * Epoch milliseconds from which this block no longer applies, or absent when it lifts only
   * when something else changes (an opt-out, a flag, a dispute): absent means suppress.
   */
  readonly releaseAt?: number;
}

export function blockUntil(reason: ReasonCode, releaseAt: number): Block {
  return { reason, releaseAt };
}

export function blockFor(reason: ReasonCode): Block {
  return { reason };
}
