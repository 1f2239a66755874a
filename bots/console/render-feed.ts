// The console demo's reminder lines: a one-line summary per batch, and the /nudges listing.
import { DateTime } from "luxon";
import type { FeedEntry } from "./nudge-feed.ts";

const TEXT_WIDTH = 90;

/** "8 reminders sent, 3 held for quiet hours - /nudges to see them". */
export function feedSummary(batch: readonly FeedEntry[]): string {
  const sent = batch.filter((e) => e.outcome === "sent").length;
  const held = batch.filter((e) => e.outcome === "held");
  const quiet = held.filter((e) => e.reasons.includes("QUIET_HOURS")).length;
  const parts = [
    ...(sent > 0 || held.length === 0 ? [`${plural(sent, "reminder")} sent`] : []),
    ...(quiet > 0 ? [`${plural(quiet, sent > 0 ? "" : "reminder")} held for quiet hours`] : []),
    ...(held.length > quiet ? [`${held.length - quiet} held by the contact rules`] : []),
  ];
  return `── ${parts.join(", ")} - /nudges to see them`;
}

/** "16:05 sent B-003 Marco Silva: Hi Marco Silva, this is Demo Lending. Your payment…" */
export function feedLine(entry: FeedEntry): string {
  const who = `${entry.borrowerRef} ${entry.borrowerName}`;
  const at = DateTime.fromISO(entry.at).toFormat("HH:mm");
  if (entry.outcome === "sent") return `${at} sent ${who}: ${clip(entry.text ?? "")}`;
  return `${at} held ${who}: ${heldWhy(entry)}`;
}

/** What `/nudges` prints: every entry in one line, or one borrower's (by ref) in full. */
export function feedListing(entries: readonly FeedEntry[], ref?: string): string {
  if (ref) {
    const mine = entries.filter((e) => e.borrowerRef.toLowerCase() === ref.toLowerCase());
    if (mine.length === 0) return `No reminders for ${ref} yet.`;
    return mine
      .map((e) =>
        e.outcome === "sent"
          ? `${feedLine(e).split(": ")[0]}:\n  ${(e.text ?? "").replace(/\n/g, "\n  ")}`
          : feedLine(e),
      )
      .join("\n");
  }
  if (entries.length === 0)
    return "No reminders yet: the nudger plans every minute and sends every 5 s.";
  const example = (entries.find((e) => e.outcome === "sent") ?? entries[0])?.borrowerRef;
  const hint = `/nudges ${example} shows one borrower's reminders in full.`;
  return [...entries.map(feedLine), hint].join("\n");
}

function heldWhy(entry: FeedEntry): string {
  const until = entry.until
    ? DateTime.fromISO(entry.until, { zone: "utc" }).setZone(entry.timeZone)
    : undefined;
  const when = until?.isValid ? ` until ${until.toFormat("ccc HH:mm")} ${entry.timeZone}` : "";
  const why = entry.reasons.includes("QUIET_HOURS") ? "quiet hours" : "the contact rules";
  return `${why}${when} (${entry.reasons.join(", ")})`;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > TEXT_WIDTH ? `${line.slice(0, TEXT_WIDTH - 1)}…` : line;
}

function plural(count: number, noun: string): string {
  if (noun === "") return String(count);
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
