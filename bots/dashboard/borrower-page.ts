// The Borrower page: search by ref or name, then one borrower's masked timeline.
import type { Borrower } from "../../core/ports/index.ts";
import { maskPhone } from "../slack/mask.ts";
import type { TimelineEntry } from "./borrower-timeline.ts";
import { csv, esc, link, table } from "./html.ts";

export function searchPage(query: string, matches: readonly Borrower[]): string {
  const form = `<form method="get" action="/dashboard/borrowers"><label>Ref or name
<input name="q" value="${esc(query)}" autofocus></label> <button>Search</button></form>`;
  if (!query) return form;
  return `${form}${table(
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

export function timelinePage(borrower: Borrower, entries: readonly TimelineEntry[]): string {
  const ref = encodeURIComponent(borrower.externalRef);
  return `<p>${esc(borrower.name)} · ${esc(borrower.externalRef)} · ${esc(maskPhone(borrower.phone))} · ${esc(borrower.locale)} · ${esc(borrower.timeZone)}</p>
<h2>Timeline <a class="csv" href="/dashboard/borrowers/${ref}/timeline.csv">CSV</a></h2>
<div class="timeline">${table(
    "timeline",
    ["when", "what", "detail"],
    entries.map((e) => [esc(e.at.replace("T", " ").slice(0, 16)), esc(e.what), esc(e.detail)]),
  )}</div>`;
}

export function timelineCsv(entries: readonly TimelineEntry[]): string {
  return csv(
    ["at", "what", "detail"],
    entries.map((e) => [e.at, e.what, e.detail]),
  );
}
