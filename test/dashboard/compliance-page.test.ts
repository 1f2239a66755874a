// The Contacts and compliance page reads the live decision records; every figure opens its rows; every table is CSV.
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountDashboard } from "../../bots/dashboard/mount-dashboard.ts";
import type { Borrower, NudgeDecision, Store } from "../../core/ports/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { prismaContactRecords } from "../../prisma/store/contact-records.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { givenBorrower, givenLoan } from "../helpers/builders.ts";
import { logIn, PASSWORD } from "./dashboard-harness.ts";

/** A Wednesday a week ago, so every decision lies in one UTC week inside the 90 days. */
const DAY = (() => {
  const d = new Date(Date.now() - 7 * 86_400_000);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 4) % 7));
  return d.toISOString().slice(0, 10);
})();
const at = (time: string) => `${DAY}T${time}:00.000Z`;
/** 01:30 UTC the next day: 20:30 or 21:30 the evening before in New York, a quiet hour. */
const LATE = `${new Date(Date.parse(`${DAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}T01:30:00.000Z`;

let db: Awaited<ReturnType<typeof openDatabase>>;
let store: Store;
let borrower: Borrower;
let app: Hono;
let cookie: string;

const get = async (path: string) => {
  const response = await app.request(`http://127.0.0.1${path}`, { headers: { cookie } });
  expect(response.status, path).toBe(200);
  return response.text();
};

/** The href of the link whose text is `text` inside the element with `id`. */
function hrefIn(html: string, id: string, text: string): string {
  const part = new RegExp(`id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? "";
  const found = new RegExp(`<a href="([^"]+)">${text}</a>`).exec(part)?.[1] ?? "";
  return found.replace(/&amp;/g, "&");
}

const rowCount = (html: string) =>
  (/<table id="contact-rows">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "").split("<tr>").length - 2;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  store = createPrismaStore(db.prisma);
  borrower = await givenBorrower(store, { timeZone: "America/New_York" });
  const loan = await givenLoan(store, { borrowerId: borrower.id });
  const decision = (over: Partial<NudgeDecision>): NudgeDecision => ({
    at: at("15:00"),
    local: `${DAY}T10:00:00.000-05:00`,
    borrowerId: borrower.id,
    loanId: loan.id,
    channel: "telegram",
    kind: "overdue",
    decision: "sent",
    reasons: [],
    stage: "dispatch",
    profile: "default",
    ...over,
  });
  await store.decisions.appendMany([
    decision({ decision: "planned", stage: "plan", at: at("14:00") }),
    decision({}),
    decision({ at: at("16:00"), channel: "sms" }),
    decision({ at: LATE, channel: "sms" }),
    decision({ decision: "deferred", reasons: ["QUIET_HOURS"], stage: "plan", at: at("02:00") }),
    decision({ decision: "suppressed", reasons: ["OPTED_OUT"], channel: "sms", at: at("17:00") }),
  ]);
  await store.consent.append({
    borrowerId: borrower.id,
    channel: "sms",
    kind: "opt_out",
    source: "sms:STOP",
    at: at("16:30"),
  });
  app = new Hono();
  mountDashboard(app, {
    store,
    contactRecords: prismaContactRecords(db.prisma),
    database: "pglite",
    profile: "default",
    env: { DASHBOARD_PASSWORD: PASSWORD },
  });
  cookie = await logIn(app);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("contacts and compliance page", () => {
  it("Should count sends per week and channel, reasons, breaches and opt-outs from the decision records", async () => {
    const html = await get("/dashboard/contacts");
    expect(html).toContain("From the decision records");
    const breaches = /<table id="breaches">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    const cells = [...breaches.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) =>
      (m[1] ?? "").replace(/<[^>]+>/g, ""),
    );
    // One quiet-hour send, one local day over the daily cap of 1 (3 sends), no 7-day breach (3 = cap).
    expect(cells).toEqual(["1", "1", "0", "1"]);
    expect(html).toMatch(/Worst borrower-week: .*>3<\/a> nudges/);

    const week = hrefIn(html, "contact-weeks", "3");
    expect(rowCount(await get(week))).toBe(3);
    const sms = hrefIn(html, "contact-weeks", "2");
    expect(sms).toContain("channel=sms");
    expect(rowCount(await get(sms))).toBe(2);

    const quiet = await get("/dashboard/contacts/rows?quietHours=1");
    expect(rowCount(quiet)).toBe(1);
    expect(quiet).toContain(LATE);

    const deferred = await get(hrefIn(html, "reasons", "1"));
    expect(rowCount(deferred)).toBe(1);
    const optedOut = await get("/dashboard/contacts/rows?decision=suppressed&reason=OPTED_OUT");
    expect(rowCount(optedOut)).toBe(1);
    expect(optedOut).toContain("OPTED_OUT");
    expect(await get("/dashboard/contacts/rows?decision=planned")).toContain("none");

    const optOuts = await get("/dashboard/contacts/opt-outs?channel=sms");
    expect(optOuts).toContain("sms:STOP");
    expect(optOuts).toContain(borrower.externalRef);
  });

  it("Should give every table as CSV", async () => {
    expect(await get("/dashboard/contacts/csv/weeks")).toMatch(
      /^week_from,telegram,sms,email,console,total,most_to_one_borrower\r\n\d{4}-\d\d-\d\d,1,2,0,0,3,3\r\n$/,
    );
    const reasons = await get("/dashboard/contacts/csv/reasons");
    expect(reasons).toContain("deferred,QUIET_HOURS,1");
    expect(reasons).toContain("suppressed,OPTED_OUT,1");
    const breaches = await get("/dashboard/contacts/csv/breaches");
    expect(breaches.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(breaches).toContain("quiet hours");
    expect(breaches).toContain("daily cap");
    expect(await get("/dashboard/contacts/csv/opt-outs")).toContain("sms,1");
    const rows = await get("/dashboard/contacts/rows.csv?decision=sent");
    expect(rows.split("\r\n").filter(Boolean)).toHaveLength(4);
    expect(await get("/dashboard/contacts/opt-outs.csv")).toContain("sms:STOP");
  });
});
