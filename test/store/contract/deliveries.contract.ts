// NudgeDeliveries contract: a provider's delivery report lands on every row the message carried.
import { describe, expect, it } from "vitest";
import { givenLoan } from "../../helpers/builders.ts";
import { plannedNudge } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const NOW = "2026-03-01T10:00:00.000Z";
const LATER = "2026-03-01T10:00:05.000Z";

export function deliveriesContract(store: StoreOf): void {
  describe("deliveries", () => {
    it("Should keep the provider's last status and carrier code on each row of a sent message", async () => {
      const loan = await givenLoan(store());
      const other = await store().loans.upsert({
        externalRef: `${loan.externalRef}-2`,
        borrowerId: loan.borrowerId,
        terms: loan.terms,
      });
      const rows = [];
      for (const l of [loan, other.loan]) {
        const { row } = await store().outbox.plan(
          plannedNudge(l.borrowerId, { loanId: l.id, plannedFor: NOW }),
        );
        rows.push(row);
      }
      await store().outbox.claimDue(NOW, "w1", LATER, 10);
      for (const row of rows) await store().outbox.markSent(row.id, "SM0001", NOW);

      expect(await store().deliveries.forMessage("SM0001")).toEqual([]);
      expect(await store().deliveries.record("SM0001", "sent", undefined, NOW)).toBe(2);
      expect(await store().deliveries.record("SM0001", "undelivered", "30003", LATER)).toBe(2);
      const reported = await store().deliveries.forMessage("SM0001");
      expect(reported.map((d) => d.nudgeId).sort()).toEqual(rows.map((r) => r.id).sort());
      for (const delivery of reported) {
        expect(delivery).toMatchObject({ status: "undelivered", errorCode: "30003", at: LATER });
      }
      expect(await store().deliveries.record("SM-unknown", "delivered", undefined, NOW)).toBe(0);
      expect(await store().deliveries.forMessage("SM-unknown")).toEqual([]);
    });
  });
}
