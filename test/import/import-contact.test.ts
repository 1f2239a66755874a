// Contact points through import and the lender API: email, preferred channel and consent, on the record.
import { describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { parseRecords } from "../../bots/import/read-records.ts";
import { recordConsent, smsConsent } from "../../core/channels/index.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import { anaLoan, apiOn, json } from "../helpers/api.ts";

const HEADER =
  "borrower_ref,borrower_name,phone,email,preferred_channel,sms_consent,email_consent,consent_text_version,time_zone,loan_ref,principal,currency,annual_rate,term_count,frequency,disbursed_on";
const LOAN = "UTC,L-1,1000.00,USD,0.10,12,monthly,2026-01-01";
const AT = "2026-04-01T12:00:00.000Z";

function book(...rows: string[]) {
  return parseRecords("book.csv", [HEADER, ...rows].join("\n"));
}

describe("contact points through import", () => {
  it("Should name the line and column of a bad email, phone or channel, and write nothing", async () => {
    const store = createMemoryStore();
    const report = await importLoans(
      store,
      book(
        `B-1,Ana,+12125550101,ana@mail.example,sms,yes,,v1,${LOAN}`,
        `B-2,Ben,+12125550102,not-an-email,,,,,${LOAN.replace("L-1", "L-2")}`,
        `B-3,Cai,12345,,,,,,${LOAN.replace("L-1", "L-3")}`,
        `B-4,Dee,,,fax,,,,${LOAN.replace("L-1", "L-4")}`,
        `B-5,Eve,,,,yes,,,${LOAN.replace("L-1", "L-5")}`,
      ),
    );
    expect(report.applied).toBe(false);
    expect(report.invalid.map((e) => [e.line, e.field, e.reason])).toEqual([
      [3, "email", 'must be an email address such as "dana@example.com"'],
      [4, "phone", 'must be in E.164 form, e.g. "+447700900123"'],
      [5, "preferred_channel", 'must be "telegram", "sms" or "email"'],
      [6, "sms_consent", "needs the phone number it was given for"],
    ]);
    expect(await store.borrowers.byRef("B-1")).toBeUndefined();
  });

  it("Should store email and preference and record SMS consent once, with its source and text version", async () => {
    const store = createMemoryStore({ clock: () => AT });
    const rows = book(`B-1,Ana,+12125550101,ana@mail.example,sms,yes,,sms-v2,${LOAN}`);
    await importLoans(store, rows, { now: () => AT });
    await importLoans(store, rows, { now: () => AT });
    const ana = await store.borrowers.byRef("B-1");
    expect(await store.contactPoints.get(ana?.id ?? "")).toMatchObject({
      email: "ana@mail.example",
      preferredChannel: "sms",
    });
    expect(await store.consent.forBorrower(ana?.id ?? "")).toEqual([
      expect.objectContaining({
        channel: "sms",
        kind: "opt_in",
        source: "import",
        address: "+12125550101",
        textVersion: "sms-v2",
        at: AT,
      }),
    ]);
  });

  it("Should record an email change and an email opt-out, but never lift the borrower's own STOP", async () => {
    const store = createMemoryStore({ clock: () => AT });
    await importLoans(store, book(`B-1,Ana,+12125550101,ana@mail.example,,yes,,v1,${LOAN}`), {
      now: () => AT,
    });
    const ana = (await store.borrowers.byRef("B-1"))?.id ?? "";
    await recordConsent(store, {
      borrowerId: ana,
      channel: "sms",
      kind: "opt_out",
      source: "sms:STOP",
      address: "+12125550101",
      at: AT,
    });
    await importLoans(store, book(`B-1,Ana,+12125550101,ana@new.example,,yes,no,v1,${LOAN}`), {
      now: () => "2026-04-02T12:00:00.000Z",
    });
    const events = await store.consent.forBorrower(ana);
    expect(events.map((e) => [e.channel, e.kind, e.source, e.address])).toEqual([
      ["sms", "opt_in", "import", "+12125550101"],
      ["sms", "opt_out", "sms:STOP", "+12125550101"],
      ["email", "address_changed", "import", "ana@new.example"],
      ["email", "opt_out", "import", "ana@new.example"],
    ]);
    expect((await store.contact.optedOutChannels(ana)).sort()).toEqual(["email", "sms"]);
  });
});

describe("a new phone number on the record", () => {
  it("Should record the change before the new number's opt-in, so texts go only with consent for it", async () => {
    const store = createMemoryStore({ clock: () => AT });
    await importLoans(store, book(`B-1,Ana,+12125550101,,,yes,,v1,${LOAN}`), { now: () => AT });
    const ana = (await store.borrowers.byRef("B-1"))?.id ?? "";
    const later = "2026-04-02T12:00:00.000Z";
    // A new number with no word on consent: recorded, and texts stop until an opt-in for it.
    await importLoans(store, book(`B-1,Ana,+12125550199,,,,,,${LOAN}`), { now: () => later });
    expect(await store.contact.optedOutChannels(ana)).not.toContain("sms");
    const log = async () =>
      (await store.consent.forBorrower(ana)).map((e) => [e.kind, e.source, e.address, e.at]);
    expect(await log()).toEqual([
      ["opt_in", "import", "+12125550101", AT],
      ["address_changed", "import", "+12125550199", later],
    ]);
    // The same file again changes nothing; a third number with its consent: change, then opt-in.
    await importLoans(store, book(`B-1,Ana,+12125550199,,,,,,${LOAN}`), { now: () => later });
    await importLoans(store, book(`B-1,Ana,+12125550188,,,yes,,v2,${LOAN}`), { now: () => later });
    expect((await log()).slice(2)).toEqual([
      ["address_changed", "import", "+12125550188", later],
      ["opt_in", "import", "+12125550188", later],
    ]);
    const events = await store.consent.forBorrower(ana);
    expect(smsConsent(events, "+12125550188")).toBe("granted");
    expect(smsConsent(events.slice(0, 2), "+12125550199")).toBe("not_given");
  });

  it("Should record a number given for the first time as no change of address", async () => {
    const store = createMemoryStore({ clock: () => AT });
    await importLoans(store, book(`B-1,Ana,,,,,,,${LOAN}`), { now: () => AT });
    await importLoans(store, book(`B-1,Ana,+12125550101,,,,,,${LOAN}`), { now: () => AT });
    const ana = (await store.borrowers.byRef("B-1"))?.id ?? "";
    expect(await store.consent.forBorrower(ana)).toEqual([]);
  });

  it("Should record it through the lender API too", async () => {
    const { request, store } = apiOn();
    expect((await request("POST", "/api/loans", anaLoan)).status).toBe(201);
    const moved = await request("POST", "/api/loans", { ...anaLoan, phone: "+12125550177" });
    expect(moved.status).toBeLessThan(300);
    const ana = (await store.borrowers.byRef("B-001"))?.id ?? "";
    expect(await store.consent.forBorrower(ana)).toEqual([
      expect.objectContaining({
        channel: "sms",
        kind: "address_changed",
        source: "api",
        address: "+12125550177",
      }),
    ]);
  });
});

describe("contact points through the lender API", () => {
  it("Should accept email, preferred channel and consent on POST /api/loans", async () => {
    const { request, store } = apiOn();
    const res = await request("POST", "/api/loans", {
      ...anaLoan,
      email: "ana@mail.example",
      preferredChannel: "email",
      smsConsent: true,
      consentTextVersion: "sms-v2",
    });
    expect(res.status).toBe(201);
    const ana = (await store.borrowers.byRef("B-001"))?.id ?? "";
    expect(await store.contactPoints.get(ana)).toMatchObject({
      email: "ana@mail.example",
      preferredChannel: "email",
    });
    expect(await store.consent.forBorrower(ana)).toEqual([
      expect.objectContaining({ channel: "sms", kind: "opt_in", source: "api" }),
    ]);
  });

  it("Should refuse a bad email or channel with 422 naming the field", async () => {
    const { request } = apiOn();
    const bad = await request("POST", "/api/loans", { ...anaLoan, email: "ana at mail" });
    expect(bad.status).toBe(422);
    expect(await json(bad)).toMatchObject({ error: { field: "email" } });
    const channel = await request("POST", "/api/loans", { ...anaLoan, preferredChannel: "fax" });
    expect(channel.status).toBe(422);
    expect(await json(channel)).toMatchObject({ error: { field: "preferredChannel" } });
  });
});
