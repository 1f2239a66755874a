// The card's contact history: the last few messages and held-back nudges from the borrower's timeline.
import type { TimelineEntry } from "../timeline/borrower-timeline.ts";

export interface ContactLine {
  readonly at: string;
  readonly direction: "inbound" | "outbound";
  readonly author: string;
  readonly text: string;
}

export interface HeldBack {
  readonly at: string;
  readonly reasons: readonly string[];
}

/** Lines a card shows of each. */
const CONTACT_LINES = 5;
const HELD_BACK_LINES = 3;

/**
 * Deferrals that only mean "not a cadence date yet" or "another dispatcher has it" hold nothing
 * back; the rest (quiet hours, caps, cool-down, opt-out, pauses) are what an agent should see.
 */
const ROUTINE = new Set(["NOT_IN_CADENCE", "BORROWER_BUSY", "ALREADY_PLANNED"]);

/**
 * Newest first: the last messages in and out (a nudge sent with no message on record shows as
 * its kind), and the last nudges the policy suppressed or deferred, with their reason codes.
 *
 * @example const { contacts, suppressions } = contactHistory(timeline.entries);
 */
export function contactHistory(entries: readonly TimelineEntry[]): {
  contacts: ContactLine[];
  suppressions: HeldBack[];
} {
  const messages = entries.flatMap((entry) => (entry.kind === "message" ? [entry] : []));
  const decisions = entries.flatMap((entry) => (entry.kind === "decision" ? [entry.decision] : []));
  const contacts: ContactLine[] = [
    ...messages.map((m) => ({ at: m.at, direction: m.direction, author: m.author, text: m.text })),
    ...decisions
      .filter((d) => d.decision === "sent")
      .filter((d) => !messages.some((m) => m.author === "nudger" && m.at === d.at))
      .map((d) => ({
        at: d.at,
        direction: "outbound" as const,
        author: "nudger",
        text: `${d.kind ?? "nudge"} reminder (${d.channel ?? "?"})`,
      })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, CONTACT_LINES);
  const suppressions = decisions
    .filter((d) => d.decision === "suppressed" || d.decision === "deferred")
    .filter((d) => !d.reasons.every((reason) => ROUTINE.has(reason)))
    .reverse()
    .slice(0, HELD_BACK_LINES)
    .map((d) => ({ at: d.at, reasons: d.reasons }));
  return { contacts, suppressions };
}
