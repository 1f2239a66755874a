// PlanStore contract: plans proposed for a loan, accepted once however often "confirm" is tapped.
import { describe, expect, it } from "vitest";
import { money } from "../../../core/money/money.ts";
import type { PlanOption } from "../../../core/plans/plan-option.ts";
import { generateSchedule } from "../../../core/schedule/generate-schedule.ts";
import { givenLoan } from "../../helpers/builders.ts";
import { termsOf, usd } from "../../helpers/loans.ts";
import { minutesAfter, storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const NOW = "2026-03-01T10:00:00.000Z";

/** A hardship option over a real schedule, with every optional field set. */
function hardshipOption(): PlanOption {
  const schedule = generateSchedule(
    termsOf({ termCount: 4, firstDueDate: "2026-04-15", disbursedOn: "2026-03-15" }),
  );
  return {
    kind: "hardship",
    installmentAmount: usd("150.00"),
    count: schedule.length,
    firstDueDate: schedule[0]?.dueDate ?? "",
    lastDueDate: schedule.at(-1)?.dueDate ?? "",
    totalPayable: usd("1234.56"),
    extraCost: money(-150n, "USD"),
    schedule,
    reducedCount: 2,
    thenAmount: usd("460.10"),
  };
}

export function plansContract(store: StoreOf): void {
  describe("plans", () => {
    it("Should propose a plan and read its option back exactly", async () => {
      const loan = await givenLoan(store());
      const option = hardshipOption();
      const plan = await store().plans.propose(
        loan.id,
        option,
        "assistant",
        "2026-03-01T18:00:00+08:00",
      );

      expect(plan).toEqual({
        id: expect.any(String),
        loanId: loan.id,
        status: "proposed",
        option,
        proposedBy: "assistant",
        proposedAt: NOW,
      });
      expect(await store().plans.byId(plan.id)).toEqual(plan);
      expect(await store().plans.byId(UNKNOWN_ID)).toBeUndefined();
    });

    it("Should accept a proposed plan once, even when confirmed three times at once", async () => {
      const loan = await givenLoan(store());
      const plan = await store().plans.propose(loan.id, hardshipOption(), "borrower", NOW);
      const later = minutesAfter(NOW, 5);
      const results = await Promise.all([1, 2, 3].map(() => store().plans.accept(plan.id, later)));
      const accepted = results.filter((result) => result !== undefined);

      expect(accepted).toEqual([{ ...plan, status: "accepted", acceptedAt: later }]);
      expect(await store().plans.accept(plan.id, minutesAfter(NOW, 9))).toBeUndefined();
      expect(await store().plans.accept(UNKNOWN_ID, NOW)).toBeUndefined();
      expect((await store().plans.byId(plan.id))?.acceptedAt).toBe(later);
    });

    it("Should move a plan's status and list a loan's plans newest first", async () => {
      const loan = await givenLoan(store());
      const first = await store().plans.propose(loan.id, hardshipOption(), "assistant", NOW);
      const second = await store().plans.propose(
        loan.id,
        hardshipOption(),
        "agent:U1",
        minutesAfter(NOW, 1),
      );
      await store().plans.setStatus(first.id, "broken", minutesAfter(NOW, 2));
      await store().plans.setStatus(second.id, "accepted", minutesAfter(NOW, 3));

      expect(await store().plans.forLoan(loan.id)).toEqual([
        { ...second, status: "accepted", acceptedAt: minutesAfter(NOW, 3) },
        { ...first, status: "broken" },
      ]);
      expect(await store().plans.forLoan(UNKNOWN_ID)).toEqual([]);
    });

    it("Should refuse a plan for an unknown loan and a status for an unknown plan", async () => {
      await expect(
        store().plans.propose(UNKNOWN_ID, hardshipOption(), "assistant", NOW),
      ).rejects.toEqual(storeError("NOT_FOUND"));
      await expect(store().plans.setStatus(UNKNOWN_ID, "broken", NOW)).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
    });
  });
}
