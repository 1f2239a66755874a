// Batch reads and writes for imports: loans by many refs, transactions by many keys, recordMany.
import { describe, expect, it } from "vitest";
import type { Transaction } from "../../../core/ledger/transaction.ts";
import { givenLoan, uniqueRef } from "../../helpers/builders.ts";
import { usd } from "../../helpers/loans.ts";
import { EXTENDED_TERM_RESCHEDULE, eachOf, storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const paid = (date: string, amount: string): Transaction => ({
  type: "payment",
  date,
  amount: usd(amount),
});

export function batchRecordsContract(store: StoreOf): void {
  describe("batch records", () => {
    it("Should read many loans by ref at once, each as byRef finds it", async () => {
      const first = await givenLoan(store());
      const second = await givenLoan(store());
      const refs = [second.externalRef, uniqueRef("none"), first.externalRef, second.externalRef];

      const read = await store().loans.byRefs(refs);

      expect(read).toEqual(await eachOf(refs, (ref) => store().loans.byRef(ref)));
      expect(read.size).toBe(2);
      expect(await store().loans.byRefs([])).toEqual(new Map());
    });

    it("Should read many transactions by key at once, each as byKey finds it", async () => {
      const loan = await givenLoan(store());
      const keys = [uniqueRef("a"), uniqueRef("b")];
      for (const key of keys)
        await store().transactions.record(loan.id, key, paid("2026-02-15", "1.00"));
      const asked = [keys[1] as string, uniqueRef("none"), keys[0] as string];

      const read = await store().transactions.byKeys(asked);

      expect(read).toEqual(await eachOf(asked, (key) => store().transactions.byKey(key)));
      expect(read.size).toBe(2);
      expect(await store().transactions.byKeys([])).toEqual(new Map());
    });

    it("Should record many in entry order, a key used before or repeated as a duplicate", async () => {
      const loan = await givenLoan(store());
      const other = await givenLoan(store());
      const before = uniqueRef("before");
      const earlier = await store().transactions.record(
        loan.id,
        before,
        paid("2026-03-15", "9.00"),
      );
      const repeated = uniqueRef("again");
      const entries = [
        {
          loanId: loan.id,
          idempotencyKey: uniqueRef("tx"),
          transaction: paid("2026-03-15", "3.00"),
        },
        {
          loanId: other.id,
          idempotencyKey: uniqueRef("tx"),
          transaction: paid("2026-02-01", "7.00"),
        },
        { loanId: loan.id, idempotencyKey: before, transaction: paid("2026-03-15", "1.00") },
        { loanId: loan.id, idempotencyKey: repeated, transaction: paid("2026-03-15", "4.00") },
        { loanId: loan.id, idempotencyKey: repeated, transaction: paid("2026-03-15", "5.00") },
        {
          loanId: loan.id,
          idempotencyKey: uniqueRef("tx"),
          transaction: paid("2026-02-15", "2.00"),
        },
      ];

      const results = await store().transactions.recordMany(entries);

      expect(results.map((r) => r.duplicate)).toEqual([false, false, true, false, true, false]);
      expect(results[2]?.record).toEqual(earlier.record);
      expect(results[4]?.record).toEqual(results[3]?.record);
      for (const [i, result] of results.entries()) {
        expect(result.record.idempotencyKey).toBe(entries[i]?.idempotencyKey);
        expect(await store().transactions.byKey(entries[i]?.idempotencyKey as string)).toEqual(
          result.record,
        );
      }
      const amounts = (await store().transactions.forLoan(loan.id)).map((record) =>
        record.transaction.type === "payment" ? record.transaction.amount.minor : -1n,
      );
      // By date; on 2026-03-15 the earlier record first, then the entries in their order.
      expect(amounts).toEqual([200n, 900n, 300n, 400n]);
      expect(await store().transactions.forLoan(other.id)).toHaveLength(1);
      expect(await store().transactions.recordMany([])).toEqual([]);
    });

    it("Should record many fees, waivers and reschedules as record does", async () => {
      const loan = await givenLoan(store());
      const transactions: Transaction[] = [
        { type: "fee", date: "2026-03-01", amount: usd("25.00") },
        { type: "waiver", date: "2026-03-02", amount: usd("10.00"), component: "penalties" },
        EXTENDED_TERM_RESCHEDULE,
      ];

      await store().transactions.recordMany(
        transactions.map((transaction) => ({
          loanId: loan.id,
          idempotencyKey: uniqueRef("tx"),
          transaction,
        })),
      );

      const stored = await store().transactions.forLoan(loan.id);
      expect(stored.map((record) => record.transaction)).toEqual(transactions);
    });

    it("Should refuse many with an unknown loan before writing any", async () => {
      const loan = await givenLoan(store());
      const key = uniqueRef("tx");

      await expect(
        store().transactions.recordMany([
          { loanId: loan.id, idempotencyKey: key, transaction: paid("2026-02-15", "1.00") },
          {
            loanId: UNKNOWN_ID,
            idempotencyKey: uniqueRef("tx"),
            transaction: paid("2026-02-15", "2.00"),
          },
        ]),
      ).rejects.toEqual(storeError("NOT_FOUND"));
      expect(await store().transactions.byKey(key)).toBeUndefined();
    });
  });
}
