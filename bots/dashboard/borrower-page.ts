// The Borrower page: search by ref or name, then one borrower's masked timeline.
import type { Borrower } from "../../core/ports/index.ts";
import { maskDigits, maskPhone } from "../slack/mask.ts";
import type { BorrowerTimeline, TimelineEntry } from "../timeline/borrower-timeline.ts";
import { entryText } from "../timeline/timeline-lines.ts";
import { csv, esc, link, table } from "./html.ts";

/** What each kind of entry is called in the table. */
const WHAT: Readonly<Record<TimelineEntry["kind"], string>> = {
  message: "message",
  decision: "nudge decision",
  payment: "payment",
  promise: "promise",
  plan: "plan",
  action: "agent/system action",
  consent: "consent",
};

/** An entry as the table shows it: messages in and out apart, their text masked as in Slack. */
function row(entry: TimelineEntry): { at: string; what: string; detail: string } {
  if (entry.kind === "message") {
    const masked = { ...entry, text: maskDigits(entry.text) };
    return {
      at: entry.at,
      what: entry.direction === "inbound" ? "message in" : "message out",
      detail: entryText(masked),
    };
  }
  const what = entry.kind === "consent" && entry.event === "opt_out" ? "opt-out" : WHAT[entry.kind];
  return { at: entry.at, what, detail: entryText(entry) };
}

/** The timeline's rows, newest first. */
function rows(timeline: BorrowerTimeline) {
  return [...timeline.entries].reverse().map(row);
}

export function searchPage(query: string, matches: readonly Borrower[]): string {
  const form = `<form method="get" action="/dashboard/borrowers"><label>Ref or name
<input name="q" value="${esc(query)}" autofocus></label> <button>Search</button></form>`;
  if (!query) return form;
  const csvHref = `/dashboard/borrowers.csv?q=${encodeURIComponent(query)}`;
  return `${form}<p><a class="csv" href="${esc(csvHref)}">CSV</a></p>${table(
    "matches",
    ["ref", "name", "phone", "locale", "time zone"],
    matches.map((b) => [
      link(`/dashboard/borrowers/${encodeURIComponent(b.externalRef)}`, b.externalRef),
      esc(b.name),
      esc(maskPhone(b.phone)),
      esc(b.locale),
      esc(b.timeZone),
    ]),
  )}`;
}

/** The search's matches as CSV, phone numbers masked as on the page. */
export function matchesCsv(matches: readonly Borrower[]): string {
  return csv(
    ["ref", "name", "phone", "locale", "time_zone"],
    matches.map((b) => [b.externalRef, b.name, maskPhone(b.phone), b.locale, b.timeZone]),
  );
}

export function timelinePage(borrower: Borrower, timeline: BorrowerTimeline): string {
  const ref = encodeURIComponent(borrower.externalRef);
  return `<p>${esc(borrower.name)} · ${esc(borrower.externalRef)} · ${esc(maskPhone(borrower.phone))} · ${esc(borrower.locale)} · ${esc(borrower.timeZone)}</p>
<h2>Timeline <a class="csv" href="/dashboard/borrowers/${ref}/timeline.csv">CSV</a></h2>
<div class="timeline">${table(
    "timeline",
    ["when", "what", "detail"],
    rows(timeline).map((e) => [
      esc(e.at.replace("T", " ").slice(0, 16)),
      esc(e.what),
      esc(e.detail),
    ]),
  )}</div>`;
}

export function timelineCsv(timeline: BorrowerTimeline): string {
  return csv(
    ["at", "what", "detail"],
    rows(timeline).map((e) => [e.at, e.what, e.detail]),
  );
}
