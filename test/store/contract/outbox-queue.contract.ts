// Outbox contract for the queue engine: due rows listed without claiming, claims by row id.
import { describe, expect, it } from "vitest";
import { givenBorrower } from "../../helpers/builders.ts";
import { minutesAfter, plannedNudge } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const NOW = "2026-03-01T10:00:00.000Z";
const LEASE = "2026-03-01T10:05:00.000Z";

export function outboxQueueContract(store: StoreOf): void {
  describe("outbox for the queue engine", () => {
    it("Should list due planned rows in claim order without claiming them", async () => {
      const borrower = await givenBorrower(store());
      const plan = (minutes: number) =>
        store().outbox.plan(plannedNudge(borrower.id, { plannedFor: minutesAfter(NOW, minutes) }));
      const [late, early] = [await plan(-10), await plan(-20)];
      await plan(5);

      const due = await store().outbox.dueRows(NOW, 10);
      expect(due.map((row) => row.id)).toEqual([early.row.id, late.row.id]);
      expect(due.every((row) => row.status === "planned")).toBe(true);
      expect(await store().outbox.dueRows(NOW, 1)).toEqual([early.row]);
      expect((await store().outbox.claimDue(NOW, "w", LEASE, 10)).map((row) => row.id)).toEqual([
        early.row.id,
        late.row.id,
      ]);
      expect(await store().outbox.dueRows(NOW, 10)).toEqual([]);
    });

    it("Should claim only the named rows that are still planned and due", async () => {
      const borrower = await givenBorrower(store());
      const plan = (minutes: number) =>
        store().outbox.plan(plannedNudge(borrower.id, { plannedFor: minutesAfter(NOW, minutes) }));
      const [a, b, other, future] = [await plan(-3), await plan(-2), await plan(-1), await plan(5)];

      const first = await store().outbox.claimIds(
        [a.row.id, b.row.id, future.row.id],
        NOW,
        "w1",
        LEASE,
      );
      expect(first).toEqual([
        {
          ...a.row,
          status: "claimed",
          claimedBy: "w1",
          claimedUntil: LEASE,
          claimedAt: NOW,
          attempts: 1,
        },
        {
          ...b.row,
          status: "claimed",
          claimedBy: "w1",
          claimedUntil: LEASE,
          claimedAt: NOW,
          attempts: 1,
        },
      ]);
      // A second dispatcher with the same job gets nothing: the rows are already claimed.
      expect(await store().outbox.claimIds([a.row.id, b.row.id], NOW, "w2", LEASE)).toEqual([]);
      expect((await store().outbox.dueRows(NOW, 10)).map((row) => row.id)).toEqual([other.row.id]);
      expect(await store().outbox.claimIds([], NOW, "w2", LEASE)).toEqual([]);
    });
  });
}
