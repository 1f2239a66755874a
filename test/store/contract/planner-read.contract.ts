// Contract: the planner's page read and page write give what the store's single reads and writes give.
import { describe, expect, it } from "vitest";
import { money } from "../../../core/money/money.ts";
import { parseRate } from "../../../core/money/rate.ts";
import { givenBorrower, givenLoan } from "../../helpers/builders.ts";
import { termsOf } from "../../helpers/loans.ts";
import { plannedNudge, storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

export function plannerReadContract(store: StoreOf): void {
  describe("planner reads", () => {
    it("Should return loans due for a nudge equal to byId, late fees, caps and grace included", async () => {
      const borrower = await givenBorrower(store());
      const plain = await givenLoan(store(), { borrowerId: borrower.id });
      const detailed = await givenLoan(store(), {
        borrowerId: borrower.id,
        terms: termsOf({
          principal: money(500_000n, "JPY"),
          annualRate: parseRate("0.0875"),
          termCount: 7,
          frequency: "biweekly",
          disbursedOn: "2026-01-31",
          firstDueDate: undefined,
          method: "equal-principal",
          interest: "flat",
          dayCount: "actual/365",
          graceOnPrincipal: 2,
        }),
        lateFee: {
          flat: money(1500n, "JPY"),
          percent: parseRate("0.05"),
          graceDays: 3,
          cap: money(6000n, "JPY"),
        },
        rateCap: parseRate("0.36"),
      });
      await store().loans.setNextNudgeAt(plain.id, "2026-03-01T08:00:00.000Z");
      await store().loans.setNextNudgeAt(detailed.id, "2026-03-01T08:30:00.123Z");

      const page = await store().loans.dueForNudge("2026-03-01T09:00:00.000Z", 10);

      expect(page).toEqual([
        await store().loans.byId(plain.id),
        await store().loans.byId(detailed.id),
      ]);
      expect(page[1]?.schedule).toHaveLength(7);
      expect(page[1]?.nextNudgeAt).toBe("2026-03-01T08:30:00.123Z");
    });

    it("Should plan a page of nudges in order: new keys created once, taken keys standing", async () => {
      const borrower = await givenBorrower(store());
      const loan = await givenLoan(store(), { borrowerId: borrower.id });
      const earlier = await store().outbox.plan(plannedNudge(borrower.id, { loanId: loan.id }));
      const fresh = plannedNudge(borrower.id, { loanId: loan.id, kind: "overdue" });
      const other = plannedNudge(borrower.id, { reasonCodes: [] });
      const again = { ...earlier.row, kind: "plan_offer" as const };

      const results = await store().outbox.planMany([fresh, again, other, fresh]);

      expect(results.map((result) => result.created)).toEqual([true, false, true, false]);
      expect(results[1]?.row).toEqual(earlier.row);
      expect(results[3]?.row).toEqual(results[0]?.row);
      for (const result of results) {
        expect(await store().outbox.byDedupeKey(result.row.dedupeKey)).toEqual(result.row);
      }
      expect(results[0]?.row).toMatchObject({ ...fresh, status: "planned", attempts: 0 });
      expect(await store().outbox.planMany([])).toEqual([]);
    });

    it("Should refuse a page naming an unknown borrower with NOT_FOUND, as plan does", async () => {
      await expect(store().outbox.planMany([plannedNudge(UNKNOWN_ID)])).rejects.toEqual(
        storeError("NOT_FOUND", { kind: "borrower" }),
      );
    });
  });
}
