// A borrower's timeline as lines a lender or agent reads: when (UTC and local), what, and why.
import { DateTime } from "luxon";
import type { BorrowerTimeline, TimelineEntry } from "./borrower-timeline.ts";

/** "2026-03-03 15:00Z (10:00 local)". */
function when(at: string, timeZone: string): string {
  const utc = DateTime.fromISO(at, { zone: "utc" });
  const local = utc.setZone(timeZone);
  return `${utc.toFormat("yyyy-MM-dd HH:mm")}Z (${local.isValid ? local.toFormat("HH:mm") : "?"} local)`;
}

function clip(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** One entry's words, without its time. */
export function entryText(entry: TimelineEntry): string {
  switch (entry.kind) {
    case "message":
      return `${entry.direction === "inbound" ? "←" : "→"} ${entry.channel} ${entry.author}: ${clip(entry.text)}`;
    case "decision": {
      const d = entry.decision;
      const what = [
        d.kind ?? "no slot",
        d.channel ?? "no channel",
        entry.loanRef ?? (d.loanId ? `loan ${d.loanId}` : ""),
      ]
        .filter(Boolean)
        .join(", ");
      const why = d.reasons.length > 0 ? ` because ${d.reasons.join(", ")}` : "";
      const extra = [
        d.until ? `until ${d.until}` : "",
        d.tone ? `tone ${d.tone} (${d.segment ?? "?"})` : "",
        d.score !== undefined ? `score ${d.score}${d.scoreGrade ? ` ${d.scoreGrade}` : ""}` : "",
        d.wording ? `${d.wording} words` : "",
        d.escalateToAgent ? "escalate to an agent" : "",
        d.profile ? `profile ${d.profile}` : "",
      ].filter(Boolean);
      return `nudge ${d.decision} at ${d.stage} (${what})${why}${extra.length ? `; ${extra.join("; ")}` : ""}`;
    }
    case "payment":
      return `${entry.type} ${entry.amount ? `${entry.amount} ${entry.currency} ` : ""}on ${entry.loanRef}, value date ${entry.date}`;
    case "promise":
      return `promise to pay ${entry.amount} ${entry.currency} by ${entry.promisedFor} on ${entry.loanRef} (${entry.status})`;
    case "plan":
      return `plan ${entry.event}: ${entry.planKind}, ${entry.count} x ${entry.installment} ${entry.currency} on ${entry.loanRef} by ${entry.by} (now ${entry.status})`;
    case "consent":
      return `consent ${entry.event} on ${entry.channel} by ${entry.source}`;
    case "action":
      return `${entry.actor}: ${entry.action}${entry.loanRef ? ` on ${entry.loanRef}` : ""}${entry.why ? ` (${clip(entry.why, 60)})` : ""}`;
  }
}

/**
 * The timeline as text, newest last.
 *
 * @example process.stdout.write(timelineLines(timeline));
 */
export function timelineLines(timeline: BorrowerTimeline): string {
  const { borrower } = timeline;
  const lines = [
    `${borrower.externalRef} ${borrower.name} (${borrower.timeZone}), ${timeline.since.slice(0, 10)} to ${timeline.until.slice(0, 10)}`,
  ];
  if (timeline.entries.length === 0) lines.push("  nothing happened in this period");
  for (const entry of timeline.entries) {
    lines.push(`  ${when(entry.at, borrower.timeZone)}  ${entryText(entry)}`);
  }
  return `${lines.join("\n")}\n`;
}
