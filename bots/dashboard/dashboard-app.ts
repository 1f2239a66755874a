// The lender dashboard at /dashboard: login, Portfolio, Contacts, Borrower and Simulator pages.
import { type Context, Hono } from "hono";
import { isIsoDate, localDate } from "../../core/dates/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { dashboardAsset } from "./assets.ts";
import { page } from "./html.ts";
import { clientOf, loginLimiter } from "./login-limiter.ts";
import { loginPage } from "./login-page.ts";
import { portfolioDates, portfolioPage } from "./portfolio-page.ts";
import { bucketParam, portfolioCsv, positionRows, rowsTable } from "./portfolio-rows.ts";
import { positionsOnHand } from "./positions-on-hand.ts";
import { createSessions, requireSession } from "./session.ts";

export interface DashboardDeps {
  readonly store: Store;
  readonly password: string;
  readonly now?: () => Date;
  /** Extra pages mounted behind the login (contacts, borrowers, simulator). */
  readonly pages?: (app: Hono, tools: PageTools) => void;
}

/** What a page needs: today's date, the session's form token, the page shell. */
export interface PageTools {
  today(): string;
  csrf(c: { get(key: never): unknown }): string;
  html(title: string, body: string, csrf: string, charts?: boolean): string;
}

const SECURITY_HEADERS = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Cache-Control": "no-store",
};

/** A path inside the dashboard to go to after login; anything else goes to its front page. */
function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/dashboard(\/[\w\-/.]*)?(\?[\w=&%.-]*)?$/.test(next)
    ? next
    : "/dashboard";
}

/** A form POST from another site (its Origin is not this host): refused before anything runs. */
function foreignOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** 429 with Retry-After in whole seconds. */
function tooManyTries(c: Context, waitMs: number): Response {
  const seconds = Math.ceil(waitMs / 1000);
  c.header("Retry-After", String(seconds));
  return c.html(
    loginPage(
      "/dashboard",
      `Too many wrong passwords: try again in ${Math.ceil(seconds / 60)} minutes.`,
    ),
    429,
  );
}

/**
 * @example
 *   app.route("/dashboard", createDashboardApp({ store, password: "correct horse battery" }));
 */
export function createDashboardApp(deps: DashboardDeps): Hono {
  const now = deps.now ?? (() => new Date());
  const sessions = createSessions(deps.password);
  const positions = positionsOnHand(deps.store);
  const limiter = loginLimiter();
  const today = () => localDate(now(), "UTC");
  const app = new Hono();

  app.use("*", async (c, next) => {
    if (
      c.req.method === "POST" &&
      foreignOrigin(
        c.req.header("origin"),
        c.req.header("x-forwarded-host") ?? c.req.header("host") ?? new URL(c.req.url).host,
      )
    ) {
      return c.text("a form from another site was refused", 403);
    }
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });
  app.get("/assets/:name", (c) => {
    const asset = dashboardAsset(c.req.param("name"));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { "Content-Type": asset.type });
  });
  app.get("/login", (c) => c.html(loginPage(safeNext(c.req.query("next")))));
  app.post("/login", async (c) => {
    const client = clientOf(c);
    const wait = limiter.waitMs(client, now().getTime());
    if (wait > 0) return tooManyTries(c, wait);
    const form = await c.req.parseBody();
    const next = safeNext(form.next);
    if (typeof form.password !== "string" || !sessions.passwordMatches(form.password)) {
      const locked = limiter.failed(client, now().getTime());
      if (locked > 0) return tooManyTries(c, locked);
      return c.html(loginPage(next, "That is not the dashboard password."), 401);
    }
    limiter.succeeded(client);
    await sessions.start(c, now());
    return c.redirect(next, 303);
  });

  app.use("*", requireSession(sessions, now));
  const tools: PageTools = {
    today,
    csrf: (c) => sessions.csrfToken(c.get("sessionId" as never) as string),
    html: (title, body, csrf, charts) => page({ title, body, csrf, ...(charts ? { charts } : {}) }),
  };
  app.post("/logout", (c) => {
    sessions.end(c);
    return c.redirect("/dashboard/login", 303);
  });
  app.get("/", async (c) => {
    const asOf = today();
    await positions.ensure(portfolioDates(asOf));
    const body = await portfolioPage(deps.store.portfolio, asOf, tools.csrf(c));
    return c.html(tools.html("Portfolio", body, tools.csrf(c), true));
  });
  app.post("/recompute", async (c) => {
    await positions.refresh(today());
    return c.redirect("/dashboard", 303);
  });
  app.get("/rows", async (c) => {
    const asOf = c.req.query("asOf") ?? today();
    if (!isIsoDate(asOf)) return c.text("asOf: not a date (YYYY-MM-DD)", 400);
    const bucket = bucketParam(c.req.query("bucket"));
    await positions.ensure([asOf]);
    const data = await positionRows(deps.store, asOf, bucket);
    const csvHref = `/dashboard/csv/rows?asOf=${asOf}${bucket ? `&bucket=${bucket}` : ""}`;
    const title = `Open loans${bucket ? ` ${bucket} days past due` : ""}, ${asOf}`;
    const body = `<p><a class="csv" href="${csvHref}">CSV</a></p>${rowsTable("rows", data)}`;
    return c.html(tools.html(title, body, tools.csrf(c)));
  });
  app.get("/csv/:name", async (c) => {
    const asOf = c.req.query("asOf") ?? today();
    if (!isIsoDate(asOf)) return c.text("asOf: not a date (YYYY-MM-DD)", 400);
    const name = c.req.param("name");
    const text = await portfolioCsv(deps.store, name, asOf, bucketParam(c.req.query("bucket")));
    if (text === undefined) return c.notFound();
    return c.body(text, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${asOf}.csv"`,
    });
  });
  deps.pages?.(app, tools);
  return app;
}
