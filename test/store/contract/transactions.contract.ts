// TransactionStore contract: one record per idempotency key, even under concurrent posts.
import { describe, expect, it } from "vitest";
import type { Transaction } from "../../../core/ledger/transaction.ts";
import { givenLoan, uniqueRef } from "../../helpers/builders.ts";
import { usd } from "../../helpers/loans.ts";
import { EXTENDED_TERM_RESCHEDULE, eachOf, storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const payment = { type: "payment", date: "2026-02-15", amount: usd("107.17") } as const;

export function transactionsContract(store: StoreOf): void {
  describe("transactions", () => {
    it("Should record a transaction once and find it by key and loan", async () => {
      const loan = await givenLoan(store());
      const key = uniqueRef("pay");
      const { record, duplicate } = await store().transactions.record(loan.id, key, payment);

      expect(duplicate).toBe(false);
      expect(record).toEqual({
        id: expect.any(String),
        loanId: loan.id,
        idempotencyKey: key,
        transaction: payment,
        recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      expect(await store().transactions.byKey(key)).toEqual(record);
      expect(await store().transactions.forLoan(loan.id)).toEqual([record]);
      expect(await store().transactions.byKey(uniqueRef("none"))).toBeUndefined();
    });

    it("Should keep one record when the same key is posted three times concurrently", async () => {
      const loan = await givenLoan(store());
      const key = uniqueRef("pay");
      const results = await Promise.all(
        [1, 2, 3].map(() => store().transactions.record(loan.id, key, payment)),
      );
      const [first] = results.filter((result) => !result.duplicate);

      expect(results.filter((result) => result.duplicate)).toHaveLength(2);
      for (const result of results) expect(result.record).toEqual(first?.record);
      expect(await store().transactions.forLoan(loan.id)).toHaveLength(1);
    });

    it("Should return the first record for a reused key, whatever the new transaction says", async () => {
      const loan = await givenLoan(store());
      const key = uniqueRef("pay");
      const first = await store().transactions.record(loan.id, key, payment);
      const replay = await store().transactions.record(loan.id, key, {
        ...payment,
        amount: usd("1.00"),
      });

      expect(replay).toEqual({ record: first.record, duplicate: true });
      expect(await store().transactions.forLoan(loan.id)).toEqual([first.record]);
    });

    it("Should round-trip fees, waivers and reschedules with their installments", async () => {
      const loan = await givenLoan(store());
      const transactions: Transaction[] = [
        { type: "fee", date: "2026-03-01", amount: usd("25.00") },
        { type: "waiver", date: "2026-03-02", amount: usd("10.00"), component: "penalties" },
        { type: "waiver", date: "2026-03-03", amount: usd("5.00") },
        EXTENDED_TERM_RESCHEDULE,
      ];
      for (const transaction of transactions) {
        await store().transactions.record(loan.id, uniqueRef("tx"), transaction);
      }

      const stored = await store().transactions.forLoan(loan.id);
      expect(stored.map((record) => record.transaction)).toEqual(transactions);
    });

    it("Should list a loan's transactions by date, same-date ones in recording order", async () => {
      const loan = await givenLoan(store());
      const dated = (date: string, amount: string): Transaction => ({
        type: "payment",
        date,
        amount: usd(amount),
      });
      for (const transaction of [
        dated("2026-03-15", "3.00"),
        dated("2026-02-15", "1.00"),
        dated("2026-03-15", "4.00"),
        dated("2026-02-20", "2.00"),
      ]) {
        await store().transactions.record(loan.id, uniqueRef("tx"), transaction);
      }

      const amounts = (await store().transactions.forLoan(loan.id)).map((record) =>
        record.transaction.type === "payment" ? record.transaction.amount.minor : -1n,
      );
      expect(amounts).toEqual([100n, 200n, 300n, 400n]);
    });

    it("Should read many loans' transactions at once, each as forLoan lists it", async () => {
      const paying = await givenLoan(store());
      const other = await givenLoan(store());
      const quiet = await givenLoan(store());
      const payments = [
        [paying, "2026-03-15", "3.00"],
        [other, "2026-02-01", "9.00"],
        [paying, "2026-02-15", "1.00"],
        [paying, "2026-03-15", "4.00"],
      ] as const;
      for (const [loan, date, amount] of payments) {
        await store().transactions.record(loan.id, uniqueRef("tx"), {
          type: "payment",
          date,
          amount: usd(amount),
        });
      }
      await store().transactions.record(paying.id, uniqueRef("fee"), {
        type: "fee",
        date: "2026-03-15",
        amount: usd("5.00"),
      });
      const ids = [paying.id, quiet.id, UNKNOWN_ID, other.id, paying.id];

      const read = await store().transactions.forLoans(ids);

      expect(read).toEqual(await eachOf(ids, (id) => store().transactions.forLoan(id)));
      expect(read.get(paying.id)).toHaveLength(4);
      expect(read.get(quiet.id)).toEqual([]);
      expect(read.get(UNKNOWN_ID)).toEqual([]);
      expect(await store().transactions.forLoans([])).toEqual(new Map());
    });

    it("Should refuse a transaction for an unknown loan", async () => {
      await expect(
        store().transactions.record(UNKNOWN_ID, uniqueRef("tx"), payment),
      ).rejects.toEqual(storeError("NOT_FOUND"));
    });
  });
}
