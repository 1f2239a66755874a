// The Contacts and compliance page: nudges per week by channel against the caps, reasons, breaches.
import { addDays, type IsoDate } from "../../core/dates/index.ts";
import { contactProfile } from "../../core/policy/index.ts";
import type { ContactRecords } from "../../core/ports/index.ts";
import { type ContactFigures, contactFigures } from "./contact-figures.ts";
import { countLink } from "./contact-rows.ts";
import { csv, esc, jsonIsland, link, table } from "./html.ts";

const CHANNELS = ["telegram", "sms", "email", "console"] as const;
/** Decisions read per page view: 13 weeks of a large book's nudges. */
const RECORDS_LIMIT = 200_000;
/** Opt-out events listed at most. */
export const OPT_OUTS_LIMIT = 1000;

export async function contactsData(records: ContactRecords, asOf: IsoDate, profileName: string) {
  const since = `${addDays(asOf, -90)}T00:00:00.000Z`;
  const until = `${addDays(asOf, 1)}T00:00:00.000Z`;
  const rows = await records.between(since, until, RECORDS_LIMIT);
  const figures = contactFigures(rows, contactProfile(profileName));
  const optOuts = await records.optOuts(since, until);
  return { figures, optOuts, since, until, records: rows };
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
  const breach = (n: number, href: string) =>
    `<b class="${n === 0 ? "ok" : "error"}">${n === 0 ? "0" : link(href, n)}</b>`;
  const worst = f.worstBorrowerWeek;
  const optOutTotal = Object.values(data.optOuts).reduce((n, x) => n + (x ?? 0), 0);
  return `
<p>From the decision records (every planner and dispatcher decision) over the 90 days to ${esc(data.until.slice(0, 10))}, contact profile <b>${esc(profileName)}</b>:
at most ${f.caps.perDay} a day, ${f.caps.per7Days} in 7 days, never more than ${f.caps.hardCeiling}. Every count opens the decisions behind it.</p>
<section><h2>Breaches (expected: 0) <a class="csv" href="/dashboard/contacts/csv/breaches">CSV</a></h2>${table(
    "breaches",
    [
      "quiet-hour sends",
      "days over the daily cap",
      "borrowers over the 7-day cap",
      "opt-outs recorded",
    ],
    [
      [
        breach(f.quietHourBreaches.length, "/dashboard/contacts/rows?quietHours=1"),
        breach(f.dayCapBreaches.length, "#breach-list"),
        breach(f.weekCapBreaches.length, "#breach-list"),
        optOutTotal ? link("/dashboard/contacts/opt-outs", optOutTotal) : "0",
      ],
    ],
  )}
${breachList(f)}
${worst ? `<p id="worst-week">Worst borrower-week: ${borrowerLink(worst.borrowerRef)}, ${countLink({ borrower: worst.borrowerRef, week: worst.week }, worst.count)} nudges in the week from ${esc(worst.week)} (cap ${f.caps.per7Days} in 7 days).</p>` : "<p>No nudges sent.</p>"}
</section>
<section><h2>Nudges sent per week by channel <a class="csv" href="/dashboard/contacts/csv/weeks">CSV</a></h2>
<div class="chart"><canvas id="contacts-chart" data-chart="contacts-chart-data"></canvas></div>${jsonIsland("contacts-chart-data", chart)}
${table(
  "contact-weeks",
  ["week from", ...CHANNELS, "total", "most to one borrower", "7-day cap"],
  f.weeks.map((w) => [
    esc(w.week),
    ...CHANNELS.map((c) => countLink({ week: w.week, channel: c }, w.byChannel[c] ?? 0)),
    countLink({ week: w.week }, w.total),
    esc(w.mostToOne),
    esc(f.caps.per7Days),
  ]),
)}</section>
<section><h2>Deferred and suppressed, by reason <a class="csv" href="/dashboard/contacts/csv/reasons">CSV</a></h2>
${table(
  "reasons",
  ["decision", "reason code", "nudges"],
  f.reasons.map((r) => [
    esc(r.decision),
    esc(r.reason),
    countLink({ decision: r.decision, reason: r.reason }, r.count),
  ]),
)}</section>
<section><h2>Opt-outs by channel <a class="csv" href="/dashboard/contacts/csv/opt-outs">CSV</a></h2>
${table(
  "opt-outs",
  ["channel", "opt-outs"],
  CHANNELS.map((c) => [
    esc(c),
    data.optOuts[c] ? link(`/dashboard/contacts/opt-outs?channel=${c}`, data.optOuts[c]) : "0",
  ]),
)}</section>`;
}

/** Each cap breach with the decisions behind it; nothing when there are none. */
function breachList(f: ContactFigures): string {
  const rows = [
    ...f.dayCapBreaches.map((b) => [
      "daily cap",
      borrowerLink(b.borrowerRef),
      esc(b.date),
      countLink({ borrower: b.borrowerRef, localDate: b.date }, b.count),
      esc(f.caps.perDay),
    ]),
    ...f.weekCapBreaches.map((b) => [
      "7-day cap",
      borrowerLink(b.borrowerRef),
      esc(`${b.from.slice(0, 16)} to ${b.to.slice(0, 16)}`),
      countLink({ borrower: b.borrowerRef, decision: "sent" }, b.count),
      esc(f.caps.per7Days),
    ]),
  ];
  if (rows.length === 0) return "";
  return `<div id="breach-list">${table("cap-breaches", ["cap", "borrower", "when", "nudges", "cap"], rows)}</div>`;
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
  if (name === "breaches")
    return csv(
      ["breach", "borrower", "when", "nudges", "cap"],
      [
        ...f.quietHourBreaches.map((m) => ["quiet hours", m.borrowerId, m.at, 1, ""]),
        ...f.dayCapBreaches.map((b) => [
          "daily cap",
          b.borrowerRef,
          b.date,
          b.count,
          f.caps.perDay,
        ]),
        ...f.weekCapBreaches.map((b) => [
          "7-day cap",
          b.borrowerRef,
          `${b.from}/${b.to}`,
          b.count,
          f.caps.per7Days,
        ]),
      ],
    );
  if (name === "opt-outs")
    return csv(
      ["channel", "opt_outs"],
      CHANNELS.map((c) => [c, data.optOuts[c] ?? 0]),
    );
  return undefined;
}
