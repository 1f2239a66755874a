// Finds the earliest instant nothing blocks, jumping from one block's release to the next.
import type { Block } from "./block.ts";
import type { ReasonCode } from "./reasons.ts";

export interface Clearance {
  /** The earliest clear instant, or undefined when a block that never lifts by itself is hit. */
  readonly at?: number;
  /** Every reason met on the way: what blocks now and what pushed the answer later. */
  readonly reasons: readonly ReasonCode[];
}

const MAX_STEPS = 2000;
const MINUTE_MS = 60_000;

/**
 * Each block holds at least until its release, so jumping to the latest release among the
 * blocks at `t` skips only blocked instants: the first clear instant found is the earliest.
 */
export function earliestClear(from: number, blocksAt: (ms: number) => readonly Block[]): Clearance {
  const reasons: ReasonCode[] = [];
  let t = from;
  for (let step = 0; step < MAX_STEPS; step++) {
    const blocks = blocksAt(t);
    if (blocks.length === 0) return { at: t, reasons };
    let next = t;
    let permanent = false;
    for (const block of blocks) {
      reasons.push(block.reason);
      if (block.releaseAt === undefined) permanent = true;
      else next = Math.max(next, block.releaseAt);
    }
    if (permanent) return { reasons };
    // Releases lie ahead by construction; the guard only keeps a bad zone from stalling us.
    t = next > t ? next : t + MINUTE_MS;
  }
  return { reasons };
}
