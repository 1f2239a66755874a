// The dashboard pages beyond Portfolio: Contacts and compliance, Borrower, Simulator.
import type { Context, Hono } from "hono";
import { addDays } from "../../core/dates/index.ts";
import { contactProfile } from "../../core/policy/index.ts";
import type { Borrower, ContactRecords, Store } from "../../core/ports/index.ts";
import { borrowerTimeline } from "../timeline/borrower-timeline.ts";
import { bookPlan, simulateBook } from "./book-simulation.ts";
import { matchesCsv, searchPage, timelineCsv, timelinePage } from "./borrower-page.ts";
import { type ContactFilter, contactFilter, contactRows, contactRowsHref } from "./contact-rows.ts";
import { contactsCsv, contactsData, contactsPage, OPT_OUTS_LIMIT } from "./contacts-page.ts";
import type { PageTools } from "./dashboard-app.ts";
import { csv, esc } from "./html.ts";
import { ROWS_LIMIT, rowsTable } from "./portfolio-rows.ts";
import { HORIZONS, simulatorForm, simulatorResult } from "./simulator-page.ts";

/** The Borrower page shows the whole history (each source's newest entries, bots/timeline). */
const EVER = "1970-01-01T00:00:00.000Z";
const wholeTimeline = (store: Store, borrower: Borrower) =>
  borrowerTimeline(store, borrower, EVER, new Date().toISOString());

export interface PagesDeps {
  readonly store: Store;
  readonly contactRecords: ContactRecords;
  /** The contact profile the nudger runs with (REPAY_CONTACT_PROFILE). */
  readonly profile: string;
}

function csvResponse(c: Context, filename: string, text: string): Response {
  return c.body(text, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
  });
}

/** The filter in words, above its rows. */
function describeFilter(filter: ContactFilter): string {
  const parts = Object.entries(filter).map(([key, value]) =>
    key === "quietHours" ? "sent at a quiet hour" : `${key} ${value}`,
  );
  return `Decisions over the last 90 days${parts.length ? `: ${parts.join(", ")}` : ""}.`;
}

/** The opt-out events of the last 90 days, optionally of one channel. */
async function optOutRows(records: ContactRecords, today: string, channel?: string) {
  const since = `${addDays(today, -90)}T00:00:00.000Z`;
  const until = `${addDays(today, 1)}T00:00:00.000Z`;
  const events = await records.optOutEvents(since, until, OPT_OUTS_LIMIT);
  return {
    head: ["at (UTC)", "borrower", "channel", "source"],
    rows: events
      .filter((e) => !channel || e.channel === channel)
      .map((e) => [e.at, e.borrowerRef, e.channel, e.source]),
  };
}

export function dashboardPages(deps: PagesDeps) {
  return (app: Hono, tools: PageTools): void => {
    app.get("/contacts", async (c) => {
      const data = await contactsData(deps.contactRecords, tools.today(), deps.profile);
      return c.html(
        tools.html(
          "Contacts and compliance",
          contactsPage(data, deps.profile),
          tools.csrf(c),
          true,
        ),
      );
    });
    app.get("/contacts/csv/:name", async (c) => {
      const data = await contactsData(deps.contactRecords, tools.today(), deps.profile);
      const text = contactsCsv(data, c.req.param("name"));
      if (text === undefined) return c.notFound();
      return c.body(text, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="contacts-${c.req.param("name")}.csv"`,
      });
    });
    app.get("/contacts/rows", async (c) => {
      const filter = contactFilter((key) => c.req.query(key));
      const data = await contactsData(deps.contactRecords, tools.today(), deps.profile);
      const rows = contactRows(data.records, filter, contactProfile(deps.profile), ROWS_LIMIT);
      const body = `<p>${esc(describeFilter(filter))} <a class="csv" href="${esc(contactRowsHref(filter, true))}">CSV</a></p>${rowsTable("contact-rows", rows)}`;
      return c.html(tools.html("Decisions", body, tools.csrf(c)));
    });
    app.get("/contacts/rows.csv", async (c) => {
      const filter = contactFilter((key) => c.req.query(key));
      const data = await contactsData(deps.contactRecords, tools.today(), deps.profile);
      const rows = contactRows(data.records, filter, contactProfile(deps.profile), ROWS_LIMIT);
      return csvResponse(c, "decisions.csv", csv(rows.head, rows.rows));
    });
    app.get("/contacts/opt-outs", async (c) => {
      const rows = await optOutRows(deps.contactRecords, tools.today(), c.req.query("channel"));
      const href = `/dashboard/contacts/opt-outs.csv${c.req.query("channel") ? `?channel=${encodeURIComponent(c.req.query("channel") ?? "")}` : ""}`;
      const body = `<p><a class="csv" href="${esc(href)}">CSV</a></p>${rowsTable("opt-out-rows", rows)}`;
      return c.html(tools.html("Opt-outs", body, tools.csrf(c)));
    });
    app.get("/contacts/opt-outs.csv", async (c) => {
      const rows = await optOutRows(deps.contactRecords, tools.today(), c.req.query("channel"));
      return csvResponse(c, "opt-outs.csv", csv(rows.head, rows.rows));
    });
    app.get("/borrowers", async (c) => {
      const query = (c.req.query("q") ?? "").trim().slice(0, 100);
      const exact = query ? await deps.store.borrowers.byRef(query) : undefined;
      if (exact)
        return c.redirect(`/dashboard/borrowers/${encodeURIComponent(exact.externalRef)}`, 303);
      const matches = query ? await deps.store.borrowers.search(query, 50) : [];
      return c.html(tools.html("Borrower", searchPage(query, matches), tools.csrf(c)));
    });
    app.get("/borrowers.csv", async (c) => {
      const query = (c.req.query("q") ?? "").trim().slice(0, 100);
      const matches = query ? await deps.store.borrowers.search(query, 50) : [];
      return csvResponse(c, "borrowers.csv", matchesCsv(matches));
    });
    app.get("/borrowers/:ref", async (c) => {
      const borrower = await deps.store.borrowers.byRef(c.req.param("ref"));
      if (!borrower)
        return c.html(
          tools.html("Borrower", searchPage(c.req.param("ref"), []), tools.csrf(c)),
          404,
        );
      const timeline = await wholeTimeline(deps.store, borrower);
      return c.html(
        tools.html(
          `Borrower ${borrower.externalRef}`,
          timelinePage(borrower, timeline),
          tools.csrf(c),
        ),
      );
    });
    app.get("/borrowers/:ref/timeline.csv", async (c) => {
      const borrower = await deps.store.borrowers.byRef(c.req.param("ref"));
      if (!borrower) return c.notFound();
      return c.body(timelineCsv(await wholeTimeline(deps.store, borrower)), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="timeline-${encodeURIComponent(borrower.externalRef)}.csv"`,
      });
    });
    app.get("/simulator", (c) =>
      c.html(tools.html("Simulator", simulatorForm(tools.csrf(c), deps.profile), tools.csrf(c))),
    );
    app.post("/simulator", async (c) => {
      const form = await c.req.parseBody();
      const profile = typeof form.profile === "string" ? form.profile : deps.profile;
      const days = Number(form.days);
      if (!(HORIZONS as readonly number[]).includes(days)) return c.text("days: 7, 30 or 90", 400);
      const start = `${tools.today()}T00:00:00.000Z`;
      const plan = await bookPlan(deps.store, start, days, profile);
      const result = await simulateBook(plan);
      const body = simulatorForm(tools.csrf(c), profile, days) + simulatorResult(result);
      return c.html(tools.html("Simulator", body, tools.csrf(c)));
    });
  };
}
