// The lender API on the real store (PGlite): concurrent duplicate payments and unknown loans.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loanStateAsOf } from "../../core/ledger/loan-state-as-of.ts";
import type { Store } from "../../core/ports/index.ts";
import { type Database, openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { anaLoan, apiOn, json } from "../helpers/api.ts";

let db: Database;
let store: Store;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  store = createPrismaStore(db.prisma);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

async function outstanding(): Promise<bigint> {
  const loan = (await store.loans.byRef("L-001"))!;
  const transactions = (await store.transactions.forLoan(loan.id)).map((t) => t.transaction);
  return loanStateAsOf(loan, transactions, "2026-04-01").outstanding.total.minor;
}

describe("lender API on PGlite", () => {
  it("records a payment posted 3 times at once exactly once, and the balance moves once", async () => {
    const { request } = apiOn(store);
    expect((await request("POST", "/api/loans", anaLoan)).status).toBe(201);
    const before = await outstanding();
    const body = { loanRef: "L-001", date: "2026-02-15", amount: "107.18" };
    const responses = await Promise.all(
      [1, 2, 3].map(() => request("POST", "/api/payments", body, { "idempotency-key": "bank-77" })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const payments = await Promise.all(responses.map(async (r) => (await json(r)).payment));
    expect(new Set(payments.map((p) => p.id)).size).toBe(1);
    const loan = (await store.loans.byRef("L-001"))!;
    expect(await store.transactions.forLoan(loan.id)).toHaveLength(1);
    // Once: 107.18 paid on the due date, and so the 20.36 late fee installment 1 would have
    // drawn (15.00 + 5% of 107.18) is never charged: 127.54 less owed. Three postings would
    // have taken 321.54 + 20.36 off.
    expect(before - (await outstanding())).toBe(12_754n);
  });

  it("answers a payment for an unknown loan with 404 and writes nothing", async () => {
    const { request } = apiOn(store);
    const res = await request(
      "POST",
      "/api/payments",
      { loanRef: "L-999", date: "2026-02-15", amount: "1.00" },
      { "idempotency-key": "bank-78" },
    );
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe("LOAN_NOT_FOUND");
    expect(await store.transactions.byKey("bank-78")).toBeUndefined();
  });

  it("stores email, preference and SMS consent from POST /api/loans in the same transaction", async () => {
    const { request } = apiOn(store);
    const body = {
      ...anaLoan,
      borrowerRef: "B-777",
      loanRef: "L-777",
      phone: "+12125550777",
      email: "b777@mail.example",
      preferredChannel: "sms",
      smsConsent: true,
      consentTextVersion: "sms-v2",
    };
    expect((await request("POST", "/api/loans", body)).status).toBe(201);
    expect((await request("POST", "/api/loans", body)).status).toBe(200);
    const borrower = (await store.borrowers.byRef("B-777"))!;
    expect(await store.contactPoints.get(borrower.id)).toMatchObject({
      email: "b777@mail.example",
      preferredChannel: "sms",
    });
    expect(await store.consent.forBorrower(borrower.id)).toEqual([
      expect.objectContaining({
        channel: "sms",
        kind: "opt_in",
        source: "api",
        address: "+12125550777",
        textVersion: "sms-v2",
      }),
    ]);
  });
});
