// Tallies what a model did to the simulated nudges: offered, accepted, and refused by reason.
import type { SimulationLine } from "./run-simulation.ts";

export interface WordingCounts {
  /** Messages the model was asked to reword (a message about two loans counts once). */
  readonly offered: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Refusals by kind, most first: "missing:figure", "missing:text", "claim:threat", ... */
  readonly byReason: readonly [string, number][];
}

/**
 * The kind of a guard refusal: a missing figure (a changed amount or date), missing text (the
 * opt-out line, the lender), a claim by kind, or an added figure; model failures by code.
 */
export function reasonKind(reason: string): string {
  if (reason.startsWith("missing:")) return /\d/.test(reason) ? "missing:figure" : "missing:text";
  if (reason.startsWith("figure:")) return "figure:added";
  return reason;
}

/** Per message, not per loan line; lines without a `wording` had no model asked. */
export function wordingCounts(lines: readonly SimulationLine[]): WordingCounts {
  const messages = new Map<string, SimulationLine>();
  for (const line of lines) {
    if (line.decision === "sent" && line.wording)
      messages.set(`${line.borrowerId}@${line.at}`, line);
  }
  const byReason = new Map<string, number>();
  let accepted = 0;
  for (const line of messages.values()) {
    if (line.wording === "model") accepted++;
    else {
      const kind = reasonKind(line.rejectedBecause ?? "unknown");
      byReason.set(kind, (byReason.get(kind) ?? 0) + 1);
    }
  }
  return {
    offered: messages.size,
    accepted,
    rejected: messages.size - accepted,
    byReason: [...byReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  };
}
