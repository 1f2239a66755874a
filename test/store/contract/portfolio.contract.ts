// PortfolioStore contract: positions replaced per date and summed by bucket, roll rates, counts.
import { describe, expect, it } from "vitest";
import type { LoanPosition } from "../../../core/ports/portfolio.ts";
import { givenBorrower, givenLoan } from "../../helpers/builders.ts";
import { usd } from "../../helpers/loans.ts";
import { plannedNudge } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const DAY = "2026-03-31";
const LATER = "2026-04-30";

function position(loanId: string, overrides: Partial<LoanPosition> = {}): LoanPosition {
  return {
    loanId,
    asOf: DAY,
    daysPastDue: 0,
    bucket: "current",
    currency: "USD",
    outstandingMinor: 100_000n,
    ...overrides,
  };
}

export function portfolioContract(store: StoreOf): void {
  describe("portfolio", () => {
    it("Should sum positions by bucket and currency, least late bucket first", async () => {
      const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => givenLoan(store())));
      await store().portfolio.replacePositions(DAY, [
        position(a?.id ?? "", { bucket: "31-60", daysPastDue: 45, outstandingMinor: 50_001n }),
        position(b?.id ?? "", { outstandingMinor: 120_000n }),
        position(c?.id ?? "", { outstandingMinor: 99_999n }),
        position(d?.id ?? "", { currency: "GBP", outstandingMinor: 7n }),
      ]);

      expect(await store().portfolio.bucketFigures(DAY)).toEqual([
        { asOf: DAY, bucket: "current", currency: "GBP", loans: 1, outstandingMinor: 7n },
        { asOf: DAY, bucket: "current", currency: "USD", loans: 2, outstandingMinor: 219_999n },
        { asOf: DAY, bucket: "31-60", currency: "USD", loans: 1, outstandingMinor: 50_001n },
      ]);
      expect(await store().portfolio.bucketFigures(LATER)).toEqual([]);
      const behind = await store().portfolio.positions(DAY, "31-60", 10);
      expect(behind).toEqual([
        position(a?.id ?? "", { bucket: "31-60", daysPastDue: 45, outstandingMinor: 50_001n }),
      ]);
    });

    it("Should replace a date's positions, so a loan no longer open drops out", async () => {
      const [a, b] = await Promise.all([1, 2].map(() => givenLoan(store())));
      await store().portfolio.replacePositions(DAY, [position(a?.id ?? ""), position(b?.id ?? "")]);
      await store().portfolio.replacePositions(DAY, [position(b?.id ?? "")]);

      expect(await store().portfolio.bucketFigures(DAY)).toEqual([
        { asOf: DAY, bucket: "current", currency: "USD", loans: 1, outstandingMinor: 100_000n },
      ]);
    });

    it("Should refuse a position of another date and write nothing", async () => {
      const loan = await givenLoan(store());
      await expect(
        store().portfolio.replacePositions(DAY, [position(loan.id, { asOf: LATER })]),
      ).rejects.toMatchObject({ code: "INVALID_DATE" });
      expect(await store().portfolio.bucketFigures(DAY)).toEqual([]);
    });

    it("Should give each date's buckets and the roll between two dates", async () => {
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => givenLoan(store())));
      await store().portfolio.replacePositions(DAY, [
        position(a?.id ?? ""),
        position(b?.id ?? ""),
        position(c?.id ?? "", { bucket: "1-30", daysPastDue: 3 }),
      ]);
      await store().portfolio.replacePositions(LATER, [
        position(a?.id ?? "", { asOf: LATER }),
        position(b?.id ?? "", { asOf: LATER, bucket: "1-30", daysPastDue: 10 }),
      ]);

      const history = await store().portfolio.bucketHistory([LATER, DAY]);
      expect(history.map((f) => [f.asOf, f.bucket, f.loans])).toEqual([
        [DAY, "current", 2],
        [DAY, "1-30", 1],
        [LATER, "current", 1],
        [LATER, "1-30", 1],
      ]);
      expect(await store().portfolio.rollRates(DAY, LATER)).toEqual([
        { from: "current", to: "current", loans: 1 },
        { from: "current", to: "1-30", loans: 1 },
        { from: "1-30", to: "closed", loans: 1 },
      ]);
    });

    it("Should keep a date's sums and roll rates in step when only some loans' positions are updated", async () => {
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => givenLoan(store())));
      await store().portfolio.replacePositions(DAY, [
        position(a?.id ?? ""),
        position(b?.id ?? "", { bucket: "1-30", daysPastDue: 5, outstandingMinor: 30_000n }),
        position(c?.id ?? "", { bucket: "1-30", daysPastDue: 3 }),
      ]);
      await store().portfolio.replacePositions(LATER, [
        position(a?.id ?? "", { asOf: LATER }),
        position(b?.id ?? "", { asOf: LATER, bucket: "31-60", daysPastDue: 35 }),
        position(c?.id ?? "", { asOf: LATER, bucket: "31-60", daysPastDue: 33 }),
      ]);
      expect(await store().portfolio.rollRates(DAY, LATER)).toEqual([
        { from: "current", to: "current", loans: 1 },
        { from: "1-30", to: "31-60", loans: 2 },
      ]);

      // c was paid up by LATER and b closed; on DAY, b was already current.
      const at = await store().portfolio.changeMark();
      await store().portfolio.updatePositions(
        LATER,
        [b?.id ?? "", c?.id ?? ""],
        [position(c?.id ?? "", { asOf: LATER, outstandingMinor: 40_000n })],
        at,
      );
      await store().portfolio.updatePositions(
        DAY,
        [b?.id ?? ""],
        [position(b?.id ?? "", { outstandingMinor: 30_000n })],
        at,
      );
      expect(await store().portfolio.bucketFigures(LATER)).toEqual([
        { asOf: LATER, bucket: "current", currency: "USD", loans: 2, outstandingMinor: 140_000n },
      ]);
      expect(await store().portfolio.bucketFigures(DAY)).toEqual([
        { asOf: DAY, bucket: "current", currency: "USD", loans: 2, outstandingMinor: 130_000n },
        { asOf: DAY, bucket: "1-30", currency: "USD", loans: 1, outstandingMinor: 100_000n },
      ]);
      expect(await store().portfolio.rollRates(DAY, LATER)).toEqual([
        { from: "current", to: "current", loans: 1 },
        { from: "current", to: "closed", loans: 1 },
        { from: "1-30", to: "current", loans: 1 },
      ]);
      expect(
        (await store().portfolio.positions(LATER, undefined, 10)).map((p) => p.loanId),
      ).toEqual([a?.id, c?.id].sort());
    });

    it("Should name the loans that changed since a date's positions were written, and only dates that have positions", async () => {
      const [a, b] = await Promise.all([1, 2].map(() => givenLoan(store())));
      await store().portfolio.replacePositions(DAY, [position(a?.id ?? ""), position(b?.id ?? "")]);
      await store().transactions.record(a?.id ?? "", `${a?.id}-changed`, {
        type: "payment",
        date: DAY,
        amount: usd("10.00"),
      });
      const changed = await store().portfolio.changedLoans([DAY, LATER]);
      expect([...changed.keys()]).toEqual([DAY]);
      expect(changed.get(DAY)?.loanIds).toContain(a?.id);
      expect(changed.get(DAY)?.mark).toEqual(expect.any(String));
    });

    it("Should count promises and plans by status and sent nudges by channel in the window", async () => {
      const borrower = await givenBorrower(store());
      const loan = await givenLoan(store(), { borrowerId: borrower.id });
      const kept = await store().contact.promise({
        borrowerId: borrower.id,
        loanId: loan.id,
        amount: usd("50.00"),
        promisedFor: "2026-03-20",
      });
      await store().contact.setPromiseStatus(kept.id, "kept", "2026-03-20T10:00:00.000Z");
      await store().contact.promise({
        borrowerId: borrower.id,
        loanId: loan.id,
        amount: usd("20.00"),
        promisedFor: "2026-04-02",
      });
      const sent = async (channel: "sms" | "telegram", at: string) => {
        const { row } = await store().outbox.plan(
          plannedNudge(borrower.id, { channel, plannedFor: at }),
        );
        await store().outbox.markSent(row.id, `m-${row.id}`, at);
      };
      await sent("sms", "2026-03-28T10:00:00.000Z");
      await sent("telegram", "2026-03-30T10:00:00.000Z");
      await sent("telegram", "2026-03-31T23:59:59.000Z");
      await sent("telegram", "2026-04-01T00:00:00.000Z");
      await store().outbox.plan(plannedNudge(borrower.id, { channel: "sms" }));

      const counts = await store().portfolio.counts(
        "2026-03-25T00:00:00.000Z",
        "2026-04-01T00:00:00.000Z",
      );
      expect(counts).toEqual({
        promises: { open: 1, kept: 1, broken: 0, closed: 0 },
        plans: { proposed: 0, accepted: 0, broken: 0, completed: 0 },
        contacts: { sms: 1, telegram: 2 },
      });
    });

    it("Should sum payments by week (Monday first) and currency, by value date", async () => {
      const loan = await givenLoan(store());
      const pay = (key: string, date: string, amount: string) =>
        store().transactions.record(loan.id, `${loan.id}-${key}`, {
          type: "payment",
          date,
          amount: usd(amount),
        });
      await pay("a", "2026-03-01", "5.00");
      await pay("b", "2026-03-02", "10.00");
      await pay("c", "2026-03-08", "2.50");
      await pay("d", "2026-03-09", "1.00");
      await pay("e", "2026-04-30", "9.00");

      expect(await store().portfolio.collected("2026-03-02", "2026-03-31")).toEqual([
        { week: "2026-03-02", currency: "USD", payments: 2, amountMinor: 1250n },
        { week: "2026-03-09", currency: "USD", payments: 1, amountMinor: 100n },
      ]);
    });
  });
}
