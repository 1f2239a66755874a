// How pauses read in an audit entry's before and after.
import type { Pause } from "../ports/contact-controls.ts";

export interface PauseLine {
  readonly id: string;
  readonly reason: Pause["reason"];
  readonly until: string | null;
  readonly createdBy: string;
}

export function pauseSummary(pauses: readonly Pause[]): PauseLine[] {
  return pauses.map((p) => ({
    id: p.id,
    reason: p.reason,
    until: p.until ?? null,
    createdBy: p.createdBy,
  }));
}
