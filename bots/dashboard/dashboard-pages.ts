// The dashboard pages beyond Portfolio: Contacts and compliance, Borrower, Simulator.
import type { Hono } from "hono";
import type { Borrower, ContactRecords, Store } from "../../core/ports/index.ts";
import { borrowerTimeline } from "../timeline/borrower-timeline.ts";
import { bookPlan, simulateBook } from "./book-simulation.ts";
import { searchPage, timelineCsv, timelinePage } from "./borrower-page.ts";
import { contactsCsv, contactsData, contactsPage } from "./contacts-page.ts";
import type { PageTools } from "./dashboard-app.ts";
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
    app.get("/borrowers", async (c) => {
      const query = (c.req.query("q") ?? "").trim().slice(0, 100);
      const exact = query ? await deps.store.borrowers.byRef(query) : undefined;
      if (exact)
        return c.redirect(`/dashboard/borrowers/${encodeURIComponent(exact.externalRef)}`, 303);
      const matches = query ? await deps.store.borrowers.search(query, 50) : [];
      return c.html(tools.html("Borrower", searchPage(query, matches), tools.csrf(c)));
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
