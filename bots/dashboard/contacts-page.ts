// The Contacts and compliance page: nudges per week by channel against the caps, reasons, breaches.
import { addDays, type IsoDate } from "../../core/dates/index.ts";
import { contactProfile } from "../../core/policy/index.ts";
import type { ContactRecords } from "../../core/ports/index.ts";
import { type ContactFigures, contactFigures } from "./contact-figures.ts";
import { csv, esc, jsonIsland, link, table } from "./html.ts";

const CHANNELS = ["telegram", "sms", "email", "console"] as const;
/** Decisions read per page view: 13 weeks of a large book's nudges. */
const RECORDS_LIMIT = 200_000;

export async function contactsData(records: ContactRecords, asOf: IsoDate, profileName: string) {
  const since = `${addDays(asOf, -90)}T00:00:00.000Z`;
  const until = `${addDays(asOf, 1)}T00:00:00.000Z`;
  const rows = await records.between(since, until, RECORDS_LIMIT);
  const figures = contactFigures(rows, contactProfile(profileName));
  const optOuts = await records.optOuts(since, until);
  return { figures, optOuts, since, until };
}

const borrowerLink = (ref: string) => link(`/dashboard/borrowers/${encodeURIComponent(ref)}`, ref);

export function contactsPage(
  data: Awaited<ReturnType<typeof contactsData>>,
  profileName: string,
): string {
  const f: ContactFigures = data.figures;
  const chart = {
    type: "bar",
    data: {
      labels: f.weeks.map((w) => w.week),
      datasets: CHANNELS.map((channel, i) => ({
        label: channel,
        backgroundColor: ["#1565c0", "#2e7d32", "#ef6c00", "#757575"][i],
        data: f.weeks.map((w) => w.byChannel[channel] ?? 0),
      })),
    },
    options: {
      scales: {
        x: { stacked: true },
        y: { stacked: true, title: { display: true, text: "nudges sent" } },
      },
    },
  };
  const breach = (n: number) => `<b class="${n === 0 ? "ok" : "error"}">${n}</b>`;
  const worst = f.worstBorrowerWeek;
  return `
<p>From the nudge outbox (each nudge's last decision) over the 90 days to ${esc(data.until.slice(0, 10))}, contact profile <b>${esc(profileName)}</b>:
at most ${f.caps.perDay} a day, ${f.caps.per7Days} in 7 days, never more than ${f.caps.hardCeiling}.</p>
<section><h2>Breaches</h2>${table(
    "breaches",
    [
      "quiet-hour sends",
      "days over the daily cap",
      "borrowers over the 7-day cap",
      "opt-outs recorded",
    ],
    [
      [
        breach(f.quietHourBreaches.length),
        breach(f.dayCapBreaches.length),
        breach(f.weekCapBreaches.length),
        esc(Object.values(data.optOuts).reduce((n, x) => n + (x ?? 0), 0)),
      ],
    ],
  )}
${worst ? `<p id="worst-week">Worst borrower-week: ${borrowerLink(worst.borrowerRef)}, ${worst.count} nudges in the week from ${esc(worst.week)} (cap ${f.caps.per7Days} in 7 days).</p>` : "<p>No nudges sent.</p>"}
</section>
<section><h2>Nudges sent per week by channel <a class="csv" href="/dashboard/contacts/csv/weeks">CSV</a></h2>
<div class="chart"><canvas id="contacts-chart" data-chart="contacts-chart-data"></canvas></div>${jsonIsland("contacts-chart-data", chart)}
${table(
  "contact-weeks",
  ["week from", ...CHANNELS, "total", "most to one borrower", "7-day cap"],
  f.weeks.map((w) => [
    esc(w.week),
    ...CHANNELS.map((c) => esc(w.byChannel[c] ?? 0)),
    esc(w.total),
    esc(w.mostToOne),
    esc(f.caps.per7Days),
  ]),
)}</section>
<section><h2>Deferred and suppressed, by reason <a class="csv" href="/dashboard/contacts/csv/reasons">CSV</a></h2>
${table(
  "reasons",
  ["decision", "reason code", "nudges"],
  f.reasons.map((r) => [esc(r.decision), esc(r.reason), esc(r.count)]),
)}</section>
<section><h2>Opt-outs by channel</h2>
${table(
  "opt-outs",
  ["channel", "opt-outs"],
  CHANNELS.map((c) => [esc(c), esc(data.optOuts[c] ?? 0)]),
)}</section>`;
}

export function contactsCsv(
  data: Awaited<ReturnType<typeof contactsData>>,
  name: string,
): string | undefined {
  const f = data.figures;
  if (name === "weeks") {
    return csv(
      ["week_from", ...CHANNELS, "total", "most_to_one_borrower"],
      f.weeks.map((w) => [
        w.week,
        ...CHANNELS.map((c) => w.byChannel[c] ?? 0),
        w.total,
        w.mostToOne,
      ]),
    );
  }
  if (name === "reasons")
    return csv(
      ["decision", "reason", "nudges"],
      f.reasons.map((r) => [r.decision, r.reason, r.count]),
    );
  return undefined;
}
