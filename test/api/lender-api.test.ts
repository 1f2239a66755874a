// The lender API: auth, loan upsert, idempotent payments, borrower state, link codes, clear 4xx.
import { describe, expect, it } from "vitest";
import { hashLinkCode } from "../../bots/linking/link-code.ts";
import { anaLoan, apiOn, json } from "../helpers/api.ts";

async function withLoan() {
  const api = apiOn();
  const res = await api.request("POST", "/api/loans", anaLoan);
  expect(res.status).toBe(201);
  return api;
}

describe("lender API", () => {
  it("answers /healthz without a token", async () => {
    const res = await apiOn().app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ok: true, database: "memory" });
  });

  it("refuses a missing or wrong bearer token with 401 and a code", async () => {
    const { app } = apiOn();
    for (const headers of [
      {},
      { authorization: "Bearer nope" },
      { authorization: "Basic abc" },
    ] as Record<string, string>[]) {
      const res = await app.request("/api/borrowers/B-001", { headers });
      expect(res.status).toBe(401);
      expect(await json(res)).toEqual({ error: expect.objectContaining({ code: "UNAUTHORIZED" }) });
    }
  });

  it("upserts a loan: created, then unchanged, then updated", async () => {
    const { request } = await withLoan();
    const same = await request("POST", "/api/loans", anaLoan);
    expect(same.status).toBe(200);
    expect((await json(same)).change).toBe("unchanged");
    const changed = await request("POST", "/api/loans", { ...anaLoan, termCount: 24 });
    expect((await json(changed)).change).toBe("updated");
  });

  it("records the same payment posted 3 times concurrently once, and each gets the first result", async () => {
    const { request, store } = await withLoan();
    const body = { loanRef: "L-001", date: "2026-02-15", amount: "107.18" };
    const responses = await Promise.all(
      [1, 2, 3].map(() => request("POST", "/api/payments", body, { "idempotency-key": "pay-1" })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const bodies = await Promise.all(responses.map((r) => json(r)));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    const loan = (await store.loans.byRef("L-001"))!;
    expect(await store.transactions.forLoan(loan.id)).toHaveLength(1);
    const state = await json(await request("GET", "/api/borrowers/B-001"));
    expect(state.loans[0].nextDue).toEqual({ date: "2026-04-15", amount: "107.18" });
    expect(state.loans[0].overdue.total).toBe("127.54");
  });

  it("answers a payment for an unknown loan with 404 LOAN_NOT_FOUND and writes nothing", async () => {
    const { request, store } = await withLoan();
    const res = await request(
      "POST",
      "/api/payments",
      { loanRef: "L-404", date: "2026-02-15", amount: "10.00" },
      { "idempotency-key": "k" },
    );
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe("LOAN_NOT_FOUND");
    expect(await store.transactions.byKey("k")).toBeUndefined();
  });

  it("requires an Idempotency-Key and refuses one reused for a different payment", async () => {
    const { request } = await withLoan();
    const body = { loanRef: "L-001", date: "2026-02-15", amount: "107.18" };
    const missing = await request("POST", "/api/payments", body);
    expect(missing.status).toBe(400);
    expect((await json(missing)).error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    await request("POST", "/api/payments", body, { "idempotency-key": "k1" });
    const reused = await request(
      "POST",
      "/api/payments",
      { ...body, amount: "5.00" },
      { "idempotency-key": "k1" },
    );
    expect(reused.status).toBe(409);
    expect((await json(reused)).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("answers bad input with 4xx and a stable code, never 500", async () => {
    const { request } = await withLoan();
    const cases: Array<[string, string, unknown, Record<string, string>, number, string]> = [
      ["POST", "/api/loans", "{not json", {}, 400, "INVALID_JSON"],
      ["POST", "/api/loans", [1, 2], {}, 400, "INVALID_BODY"],
      ["POST", "/api/loans", { ...anaLoan, currency: "XXX" }, {}, 422, "INVALID_LOAN"],
      ["POST", "/api/loans", { ...anaLoan, principal: 1200 }, {}, 422, "INVALID_LOAN"],
      ["POST", "/api/loans", { ...anaLoan, surprise: 1 }, {}, 422, "INVALID_LOAN"],
      [
        "POST",
        "/api/payments",
        { loanRef: "L-001", date: "2026-02-30", amount: "1.00" },
        { "idempotency-key": "a" },
        422,
        "INVALID_PAYMENT",
      ],
      [
        "POST",
        "/api/payments",
        { loanRef: "L-001", date: "2026-02-15", amount: "1.001" },
        { "idempotency-key": "b" },
        422,
        "INVALID_AMOUNT",
      ],
      [
        "POST",
        "/api/payments",
        { loanRef: "L-001", date: "2026-02-15", amount: "1.00", currency: "EUR" },
        { "idempotency-key": "c" },
        422,
        "CURRENCY_MISMATCH",
      ],
      ["GET", "/api/borrowers/nobody", undefined, {}, 404, "BORROWER_NOT_FOUND"],
      ["GET", "/api/nowhere", undefined, {}, 404, "NOT_FOUND"],
    ];
    for (const [method, path, body, headers, status, code] of cases) {
      const res = await request(method, path, body, headers);
      expect({ path, status: res.status, code: (await json(res)).error?.code }).toEqual({
        path,
        status,
        code,
      });
    }
    const bad = await request("POST", "/api/loans", { ...anaLoan, principal: 1200 });
    expect((await json(bad)).error.field).toBe("principal");
  });

  it("refuses a body over the size limit with 413", async () => {
    const { request } = await withLoan();
    const res = await request("POST", "/api/loans", {
      ...anaLoan,
      borrowerName: "x".repeat(100_000),
    });
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe("BODY_TOO_LARGE");
  });

  it("issues a one-time link code that is stored only as a hash", async () => {
    const { request, store } = await withLoan();
    const res = await request("POST", "/api/borrowers/B-001/link-code", { ttlMinutes: 30 });
    expect(res.status).toBe(201);
    const { code, expiresAt } = await json(res);
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    expect(expiresAt).toBe("2026-04-01T12:30:00.000Z");
    const borrower = (await store.borrowers.byRef("B-001"))!;
    expect(await store.linkCodes.consume(code, "2026-04-01T12:01:00.000Z")).toBeUndefined();
    expect(await store.linkCodes.consume(hashLinkCode(code), "2026-04-01T12:01:00.000Z")).toBe(
      borrower.id,
    );
    expect(
      await store.linkCodes.consume(hashLinkCode(code), "2026-04-01T12:02:00.000Z"),
    ).toBeUndefined();
  });
});
