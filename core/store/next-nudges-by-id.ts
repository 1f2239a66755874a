// A batch of nextNudgeAt writes as the stores apply it: instants checked first, the last entry per loan wins.
import type { NextNudge } from "../ports/loans.ts";
import { toInstant } from "./instant.ts";

/**
 * Each loan's normalised instant (undefined: clear it), in first-seen order. Throws
 * INVALID_INSTANT before the caller writes anything when any instant is not one.
 */
export function nextNudgesById(entries: readonly NextNudge[]): Map<string, string | undefined> {
  const next = new Map<string, string | undefined>();
  for (const { id, at } of entries) {
    next.set(id, at === undefined ? undefined : toInstant(at, "nextNudgeAt"));
  }
  return next;
}
