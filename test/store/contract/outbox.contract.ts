// Outbox contract: one row per dedupe key, exclusive claims, at-most-once after a lost lease.
import { describe, expect, it } from "vitest";
import {
  givenBorrower,
  givenLoan,
  minutesAfter,
  plannedNudge,
  storeError,
  UNKNOWN_ID,
  uniqueRef,
} from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const NOW = "2026-03-01T10:00:00.000Z";
const LEASE = "2026-03-01T10:05:00.000Z";

export function outboxContract(store: StoreOf): void {
  describe("outbox", () => {
    it("Should plan a row once per dedupe key", async () => {
      const loan = await givenLoan(store());
      const nudge = plannedNudge(loan.borrowerId, {
        loanId: loan.id,
        plannedFor: "2026-03-01T18:00:00+08:00",
      });
      const first = await store().outbox.plan(nudge);
      const again = await store().outbox.plan({ ...nudge, kind: "due-day", reasonCodes: [] });

      expect(first).toEqual({
        created: true,
        row: {
          ...nudge,
          id: expect.any(String),
          plannedFor: "2026-03-01T10:00:00.000Z",
          status: "planned",
          attempts: 0,
        },
      });
      expect(again).toEqual({ row: first.row, created: false });
      expect(await store().outbox.byDedupeKey(nudge.dedupeKey)).toEqual(first.row);
      expect(await store().outbox.byDedupeKey(uniqueRef("N"))).toBeUndefined();
    });

    it("Should write one row when three planners plan the same key concurrently", async () => {
      const borrower = await givenBorrower(store());
      const nudge = plannedNudge(borrower.id);
      const results = await Promise.all([1, 2, 3].map(() => store().outbox.plan(nudge)));

      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.row.id)).size).toBe(1);
    });

    it("Should refuse a nudge for an unknown borrower or loan", async () => {
      const borrower = await givenBorrower(store());
      await expect(store().outbox.plan(plannedNudge(UNKNOWN_ID))).rejects.toEqual(
        storeError("NOT_FOUND", { kind: "borrower" }),
      );
      await expect(
        store().outbox.plan(plannedNudge(borrower.id, { loanId: UNKNOWN_ID })),
      ).rejects.toEqual(storeError("NOT_FOUND", { kind: "loan", id: UNKNOWN_ID }));
    });

    it("Should claim due rows oldest first, lease them, and skip rows not yet due", async () => {
      const borrower = await givenBorrower(store());
      const plan = (minutes: number) =>
        store().outbox.plan(plannedNudge(borrower.id, { plannedFor: minutesAfter(NOW, minutes) }));
      const [late, early, future] = await Promise.all([plan(-10), plan(-20), plan(1)]);

      const claimed = await store().outbox.claimDue(NOW, "worker-a", LEASE, 10);
      expect(claimed).toEqual([
        {
          ...early?.row,
          status: "claimed",
          claimedBy: "worker-a",
          claimedUntil: LEASE,
          attempts: 1,
        },
        {
          ...late?.row,
          status: "claimed",
          claimedBy: "worker-a",
          claimedUntil: LEASE,
          attempts: 1,
        },
      ]);
      expect(await store().outbox.claimDue(NOW, "worker-b", LEASE, 10)).toEqual([]);
      expect((await store().outbox.byDedupeKey(future?.row.dedupeKey ?? ""))?.status).toBe(
        "planned",
      );
      expect(await store().outbox.claimDue(NOW, "worker-b", LEASE, 0)).toEqual([]);
    });

    it("Should give two concurrent dispatchers disjoint rows", async () => {
      const borrower = await givenBorrower(store());
      for (let n = 0; n < 10; n += 1) {
        await store().outbox.plan(plannedNudge(borrower.id, { plannedFor: minutesAfter(NOW, -n) }));
      }
      const [a, b] = await Promise.all([
        store().outbox.claimDue(NOW, "worker-a", LEASE, 6),
        store().outbox.claimDue(NOW, "worker-b", LEASE, 6),
      ]);
      const ids = [...(a ?? []), ...(b ?? [])].map((row) => row.id);

      expect(ids).toHaveLength(10);
      expect(new Set(ids).size).toBe(10);
      expect([a?.length, b?.length].sort()).toEqual([4, 6]);
      for (const row of a ?? []) expect(row.claimedBy).toBe("worker-a");
    });

    it("Should record a send and list sent rows since an instant, oldest first", async () => {
      const borrower = await givenBorrower(store());
      const other = await givenBorrower(store());
      for (const [who, minutes] of [
        [borrower, -30],
        [borrower, -20],
        [other, -25],
        [borrower, -10],
      ] as const) {
        await store().outbox.plan(plannedNudge(who.id, { plannedFor: minutesAfter(NOW, minutes) }));
      }
      const claimed = await store().outbox.claimDue(NOW, "worker-a", LEASE, 10);
      for (const [index, row] of claimed.entries()) {
        if (index === claimed.length - 1) continue; // the last stays claimed, unsent
        await store().outbox.markSent(row.id, `tg-${index}`, minutesAfter(NOW, index));
      }

      const sent = await store().outbox.sentSince(borrower.id, minutesAfter(NOW, 1));
      expect(sent.map((row) => row.providerMessageId)).toEqual(["tg-2"]);
      const all = await store().outbox.sentSince(borrower.id, NOW);
      expect(all.map((row) => [row.providerMessageId, row.sentAt, row.status])).toEqual([
        ["tg-0", NOW, "sent"],
        ["tg-2", minutesAfter(NOW, 2), "sent"],
      ]);
    });

    it("Should fail and suppress rows, growing their reason codes", async () => {
      const borrower = await givenBorrower(store());
      for (const minutes of [-2, -1]) {
        await store().outbox.plan(
          plannedNudge(borrower.id, {
            plannedFor: minutesAfter(NOW, minutes),
            reasonCodes: ["OVERDUE"],
          }),
        );
      }
      const [failing, suppressed] = await store().outbox.claimDue(NOW, "worker-a", LEASE, 10);
      await store().outbox.markFailed(failing?.id ?? "", "403: bot was blocked", NOW);
      await store().outbox.markSuppressed(suppressed?.id ?? "", ["OPTED_OUT", "OVERDUE"], NOW);

      expect(await store().outbox.byDedupeKey(failing?.dedupeKey ?? "")).toMatchObject({
        status: "failed",
        lastError: "403: bot was blocked",
      });
      expect(await store().outbox.byDedupeKey(suppressed?.dedupeKey ?? "")).toMatchObject({
        status: "suppressed",
        reasonCodes: ["OVERDUE", "OPTED_OUT"],
      });
      expect(await store().outbox.claimDue(minutesAfter(NOW, 60), "worker-b", LEASE, 10)).toEqual(
        [],
      );
    });

    it("Should put a rescheduled row back to planned, claimable once due again", async () => {
      const borrower = await givenBorrower(store());
      await store().outbox.plan(plannedNudge(borrower.id, { plannedFor: NOW }));
      const [row] = await store().outbox.claimDue(NOW, "worker-a", LEASE, 10);
      const later = minutesAfter(NOW, 30);
      await store().outbox.reschedule(row?.id ?? "", later, ["RATE_LIMITED"]);

      const planned = await store().outbox.byDedupeKey(row?.dedupeKey ?? "");
      expect(planned).toEqual({
        ...row,
        status: "planned",
        plannedFor: later,
        reasonCodes: ["PRE_DUE", "RATE_LIMITED"],
        claimedBy: undefined,
        claimedUntil: undefined,
      });
      expect(await store().outbox.claimDue(NOW, "worker-b", LEASE, 10)).toEqual([]);
      const [again] = await store().outbox.claimDue(later, "worker-b", minutesAfter(later, 5), 10);
      expect(again).toMatchObject({ id: row?.id, claimedBy: "worker-b", attempts: 2 });
    });

    it("Should fail claims whose lease ran out and never hand them out again", async () => {
      const borrower = await givenBorrower(store());
      for (const minutes of [-3, -2, -1]) {
        await store().outbox.plan(
          plannedNudge(borrower.id, { plannedFor: minutesAfter(NOW, minutes) }),
        );
      }
      const [short, long] = await store().outbox.claimDue(NOW, "worker-a", minutesAfter(NOW, 1), 2);
      await store().outbox.markSent(short?.id ?? "", "tg-1", NOW); // sent rows are not leases
      const [open] = await store().outbox.claimDue(NOW, "worker-b", minutesAfter(NOW, 1), 1);
      const [renewed] = await store().outbox.claimDue(NOW, "worker-c", minutesAfter(NOW, 1), 1);

      expect(renewed).toBeUndefined();
      expect(await store().outbox.expireLeases(minutesAfter(NOW, 1))).toBe(0);
      expect(await store().outbox.expireLeases(minutesAfter(NOW, 2))).toBe(2);
      expect(await store().outbox.expireLeases(minutesAfter(NOW, 2))).toBe(0);
      for (const row of [long, open]) {
        expect(await store().outbox.byDedupeKey(row?.dedupeKey ?? "")).toMatchObject({
          status: "failed",
          lastError: "lease expired",
        });
      }
      expect(await store().outbox.claimDue(minutesAfter(NOW, 60), "worker-d", LEASE, 10)).toEqual(
        [],
      );
      expect((await store().outbox.byDedupeKey(short?.dedupeKey ?? ""))?.status).toBe("sent");
    });

    it("Should refuse to mark or move an unknown row", async () => {
      // One at a time: a rejection must have its handler before the next call starts.
      for (const attempt of [
        () => store().outbox.markSent(UNKNOWN_ID, "tg", NOW),
        () => store().outbox.markFailed(UNKNOWN_ID, "boom", NOW),
        () => store().outbox.markSuppressed(UNKNOWN_ID, ["X"], NOW),
        () => store().outbox.reschedule(UNKNOWN_ID, NOW, ["X"]),
      ]) {
        await expect(attempt()).rejects.toEqual(storeError("NOT_FOUND"));
      }
    });
  });
}
