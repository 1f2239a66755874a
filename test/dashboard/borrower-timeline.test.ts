// One timeline (bots/timeline) behind `repay explain`, Slack's card and the dashboard's Borrower page.
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountDashboard } from "../../bots/dashboard/mount-dashboard.ts";
import { borrowerTimeline } from "../../bots/timeline/borrower-timeline.ts";
import { timelineLines } from "../../bots/timeline/timeline-lines.ts";
import { addNote } from "../../core/commands/index.ts";
import { money } from "../../core/money/money.ts";
import type { Borrower, Store, StoredLoan } from "../../core/ports/index.ts";
import { generateSchedule } from "../../core/schedule/generate-schedule.ts";
import { openDatabase } from "../../prisma/database.ts";
import { prismaContactRecords } from "../../prisma/store/contact-records.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { givenBorrower, givenLoan } from "../helpers/builders.ts";
import { termsOf, usd } from "../helpers/loans.ts";
import { logIn, PASSWORD } from "./dashboard-harness.ts";

const DAY = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
const at = (time: string) => `${DAY}T${time}:00.000Z`;

let db: Awaited<ReturnType<typeof openDatabase>>;
let store: Store;
let borrower: Borrower;
let loan: StoredLoan;
let app: Hono;

/** One of everything the issue lists, for one borrower, through the store's ports. */
async function busyBorrower(): Promise<void> {
  borrower = await givenBorrower(store, { phone: "+12125550123" });
  loan = await givenLoan(store, {
    borrowerId: borrower.id,
    terms: termsOf({ disbursedOn: "2026-01-15", firstDueDate: "2026-02-15" }),
  });
  await store.consent.append({
    borrowerId: borrower.id,
    channel: "sms",
    kind: "opt_out",
    source: "sms:STOP",
    at: at("09:00"),
  });
  await store.decisions.appendMany([
    {
      at: at("10:00"),
      local: `${DAY}T05:00:00.000-05:00`,
      borrowerId: borrower.id,
      loanId: loan.id,
      channel: "sms",
      kind: "overdue",
      decision: "suppressed",
      reasons: ["OPTED_OUT"],
      stage: "plan",
      profile: "default",
    },
  ]);
  await store.conversation.append({
    borrowerId: borrower.id,
    channel: "telegram",
    direction: "outbound",
    text: "Your payment of $100.00 is late.",
    at: at("10:05"),
    author: "nudger",
  });
  await store.conversation.append({
    borrowerId: borrower.id,
    channel: "telegram",
    direction: "inbound",
    text: "call me on 2125550123 please",
    at: at("10:10"),
    author: "borrower",
  });
  await store.contact.promise({
    borrowerId: borrower.id,
    loanId: loan.id,
    amount: usd("100.00"),
    promisedFor: DAY,
  });
  const schedule = generateSchedule(
    termsOf({ termCount: 4, firstDueDate: "2026-04-15", disbursedOn: "2026-03-15" }),
  );
  await store.plans.propose(
    loan.id,
    {
      kind: "hardship",
      installmentAmount: usd("150.00"),
      count: schedule.length,
      firstDueDate: schedule[0]?.dueDate ?? "",
      lastDueDate: schedule.at(-1)?.dueDate ?? "",
      totalPayable: usd("1234.56"),
      extraCost: money(-150n, "USD"),
      schedule,
    },
    "assistant",
    at("10:20"),
  );
  await addNote(store, {
    borrowerId: borrower.id,
    note: "prefers calls after 6pm",
    actor: "agent:U42",
    at: at("10:30"),
  });
  await store.transactions.record(loan.id, "timeline-pay-1", {
    type: "payment",
    date: DAY,
    amount: usd("40.00"),
  });
}

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  store = createPrismaStore(db.prisma);
  await busyBorrower();
  app = new Hono();
  mountDashboard(app, {
    store,
    contactRecords: prismaContactRecords(db.prisma),
    database: "pglite",
    profile: "default",
    env: { DASHBOARD_PASSWORD: PASSWORD },
  });
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("borrower timeline", () => {
  it("Should hold messages in and out, decisions with reasons, payments, promises, plans, agent actions and opt-outs", async () => {
    const timeline = await borrowerTimeline(
      store,
      borrower,
      "1970-01-01T00:00:00.000Z",
      new Date().toISOString(),
    );
    const kinds = timeline.entries.map((e) =>
      e.kind === "message" ? `message ${e.direction}` : e.kind,
    );
    for (const kind of [
      "consent",
      "decision",
      "message outbound",
      "message inbound",
      "promise",
      "plan",
      "action",
      "payment",
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    const note = timeline.entries.find((e) => e.kind === "action");
    expect(note).toMatchObject({
      kind: "action",
      actor: "agent:U42",
      action: "note.added",
      why: "prefers calls after 6pm",
      at: at("10:30"),
    });
    const text = timelineLines(timeline);
    expect(text).toContain("agent:U42: note.added (prefers calls after 6pm)");
    expect(text).toContain("nudge suppressed at plan (overdue, sms, ");
    expect(text).toContain("because OPTED_OUT");
  });

  it("Should show the same timeline on the Borrower page, newest first, masked, and as CSV", async () => {
    const cookie = await logIn(app);
    const ref = encodeURIComponent(borrower.externalRef);
    const page = await app.request(`http://127.0.0.1/dashboard/borrowers/${ref}`, {
      headers: { cookie },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    const whats = [...html.matchAll(/<tr><td>[^<]*<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(whats).toEqual(
      expect.arrayContaining([
        "opt-out",
        "nudge decision",
        "message out",
        "message in",
        "promise",
        "plan",
        "agent/system action",
        "payment",
      ]),
    );
    expect(whats.indexOf("agent/system action")).toBeLessThan(whats.indexOf("opt-out"));
    expect(html).toContain("because OPTED_OUT");
    expect(html).not.toContain("2125550123");
    expect(html).toContain("0123");

    const csv = await app.request(`http://127.0.0.1/dashboard/borrowers/${ref}/timeline.csv`, {
      headers: { cookie },
    });
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("at,what,detail");
    expect(lines.length).toBe(whats.length + 1);
    expect(lines.some((line) => line.includes("agent:U42: note.added"))).toBe(true);
  });

  it("Should give the search's matches as CSV, phones masked", async () => {
    const cookie = await logIn(app);
    const page = await app.request("http://127.0.0.1/dashboard/borrowers?q=Alex", {
      headers: { cookie },
    });
    expect(await page.text()).toContain('href="/dashboard/borrowers.csv?q=Alex"');
    const csv = await app.request("http://127.0.0.1/dashboard/borrowers.csv?q=Alex", {
      headers: { cookie },
    });
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("ref,name,phone,locale,time_zone");
    expect(text).toContain(borrower.externalRef);
    expect(text).not.toContain("2125550123");
  });
});
