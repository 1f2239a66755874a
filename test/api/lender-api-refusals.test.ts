// The lender API refuses what the database cannot store or the book should not accept, and writes nothing.
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { anaLoan, apiOn, json } from "../helpers/api.ts";

/** Opening and migrating PGlite takes a while on a busy machine. */
const SLOW = 180_000;

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
});

async function pglite() {
  const db = await openDatabase({ memory: true });
  closers.push(() => db.close());
  return { store: createPrismaStore(db.prisma), prisma: db.prisma };
}

const stores: Array<[string, () => Promise<Store>]> = [
  ["memory", async () => createMemoryStore()],
  ["pglite", async () => (await pglite()).store],
];

async function refused(res: Response, status: number, code: string, field: string) {
  const body = await json(res);
  expect({ status: res.status, code: body.error.code, field: body.error.field }).toEqual({
    status,
    code,
    field,
  });
}

describe.each(stores)(
  "lender API refusals on %s",
  (_name, open) => {
    it("Should refuse a termCount of true or [12] instead of coercing it", async () => {
      const { request, store } = apiOn(await open());
      for (const termCount of [true, [12], "12x", 12.5]) {
        const res = await request("POST", "/api/loans", { ...anaLoan, termCount });
        await refused(res, 422, "INVALID_LOAN", "termCount");
      }
      expect(await store.borrowers.byRef(anaLoan.borrowerRef)).toBeUndefined();
    });

    it("Should answer 422 with the field for values the database cannot store, writing nothing", async () => {
      const { request, store } = apiOn(await open());
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ principal: "92233720368547758.08" }, "principal"], // 2^63 minor units
        [{ principal: "99999999999999999999999.00" }, "principal"],
        [{ lateFeeCap: "92233720368547758.08" }, "lateFeeCap"],
        [{ annualRate: "999999999999999999" }, "annualRate"], // an installment's interest would overflow
        [{ loanRef: "L-\u0000-1" }, "loanRef"],
        [{ borrowerRef: "B-\u0000" }, "borrowerRef"],
        [{ borrowerName: "Ana\u0000Lopez" }, "borrowerName"],
        [{ borrowerName: "A".repeat(201) }, "borrowerName"],
        [{ loanRef: "L".repeat(101) }, "loanRef"],
        [{ lateFeeGraceDays: 2 ** 31 }, "lateFeeGraceDays"],
        [{ disbursedOn: "0000-01-01" }, "disbursedOn"],
      ];
      for (const [change, field] of cases) {
        const res = await request("POST", "/api/loans", { ...anaLoan, ...change });
        await refused(res, 422, "INVALID_LOAN", field);
      }
      expect(await store.borrowers.byRef(anaLoan.borrowerRef)).toBeUndefined();
      expect(await store.loans.byRef(anaLoan.loanRef)).toBeUndefined();
    });

    it("Should refuse a payment of 2^63 minor units or dated in the future with 422", async () => {
      const { request, store } = apiOn(await open(), () => new Date("2026-04-01T12:00:00Z"));
      expect((await request("POST", "/api/loans", anaLoan)).status).toBe(201);
      const post = (body: Record<string, unknown>, key: string) =>
        request("POST", "/api/payments", body, { "idempotency-key": key });
      const base = { loanRef: anaLoan.loanRef, date: "2026-03-01", amount: "10.00" };
      await refused(
        await post({ ...base, amount: "92233720368547758.08" }, "k-big"),
        422,
        "INVALID_PAYMENT",
        "amount",
      );
      await refused(
        await post({ ...base, date: "2030-01-01" }, "k-future"),
        422,
        "PAYMENT_DATE_IN_FUTURE",
        "date",
      );
      // 12:00 UTC is already 2026-04-02 at UTC+14; the day after is in the future everywhere.
      expect((await post({ ...base, date: "2026-04-02" }, "k-kiribati")).status).toBe(201);
      await refused(
        await post({ ...base, date: "2026-04-03" }, "k-day-after"),
        422,
        "PAYMENT_DATE_IN_FUTURE",
        "date",
      );
      for (const key of ["k-big", "k-future", "k-day-after"]) {
        expect(await store.transactions.byKey(key)).toBeUndefined();
      }
    });

    it("Should refuse 409 LOAN_BORROWER_MISMATCH for a loan named with another borrower, touching no borrower", async () => {
      const { request, store } = apiOn(await open());
      expect((await request("POST", "/api/loans", anaLoan)).status).toBe(201);
      const other = { ...anaLoan, borrowerRef: "B-002", borrowerName: "Ben Okoro" };
      await refused(
        await request("POST", "/api/loans", other),
        409,
        "LOAN_BORROWER_MISMATCH",
        "borrowerRef",
      );
      expect(await store.borrowers.byRef("B-002")).toBeUndefined();
      const loan = await store.loans.byRef(anaLoan.loanRef);
      expect((await store.borrowers.byId(loan?.borrowerId ?? ""))?.externalRef).toBe("B-001");
    });

    it("Should move a loan when the request says moveToBorrower, and audit the move", async () => {
      const { request, store } = apiOn(await open());
      expect((await request("POST", "/api/loans", anaLoan)).status).toBe(201);
      const res = await request("POST", "/api/loans", {
        ...anaLoan,
        borrowerRef: "B-002",
        borrowerName: "Ben Okoro",
        moveToBorrower: true,
      });
      expect(res.status).toBe(200);
      expect((await json(res)).borrowerRef).toBe("B-002");
      const loan = await store.loans.byRef(anaLoan.loanRef);
      expect((await store.borrowers.byId(loan?.borrowerId ?? ""))?.externalRef).toBe("B-002");
      const audit = await store.audit.forSubject(`loan:${loan?.id}`, 10);
      expect(audit.find((entry) => entry.action === "loan.moved")?.payload).toEqual({
        ref: anaLoan.loanRef,
        fromBorrowerRef: "B-001",
        toBorrowerRef: "B-002",
      });
    });
  },
  SLOW,
);

describe("lender API writes on PGlite", () => {
  it(
    "Should neither create nor rename the borrower when the loan write fails",
    async () => {
      const { store, prisma } = await pglite();
      const { request } = apiOn(store);
      // A real database failure inside the loan write: the database refuses this one ref.
      await prisma.$executeRawUnsafe(
        `ALTER TABLE loans ADD CONSTRAINT no_broken_ref CHECK (external_ref <> 'L-BROKEN')`,
      );
      const res = await request("POST", "/api/loans", { ...anaLoan, loanRef: "L-BROKEN" });
      expect(res.status).toBe(500);
      expect(await store.borrowers.byRef(anaLoan.borrowerRef)).toBeUndefined();

      expect((await request("POST", "/api/loans", anaLoan)).status).toBe(201);
      const renamed = { ...anaLoan, loanRef: "L-BROKEN", borrowerName: "Someone Else" };
      expect((await request("POST", "/api/loans", renamed)).status).toBe(500);
      expect((await store.borrowers.byRef(anaLoan.borrowerRef))?.name).toBe("Ana Lopez");
    },
    SLOW,
  );
});
