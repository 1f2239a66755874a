// Outbox contract: one row per dedupe key, exclusive claims, at-most-once after a lost lease.
import { describe, expect, it } from "vitest";
import { givenBorrower, givenLoan, uniqueRef } from "../../helpers/builders.ts";
import {
  contactRecordsKind,
  minutesAfter,
  plannedNudge,
  storeError,
  UNKNOWN_ID,
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
      const again = await store().outbox.plan({ ...nudge, kind: "due_today", reasonCodes: [] });

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
          claimedAt: NOW,
          attempts: 1,
        },
        {
          ...late?.row,
          status: "claimed",
          claimedBy: "worker-a",
          claimedUntil: LEASE,
          claimedAt: NOW,
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
        claimedAt: undefined,
      });
      expect(await store().outbox.claimDue(NOW, "worker-b", LEASE, 10)).toEqual([]);
      const [again] = await store().outbox.claimDue(later, "worker-b", minutesAfter(later, 5), 10);
      expect(again).toMatchObject({ id: row?.id, claimedBy: "worker-b", attempts: 2 });
    });

    it("Should fail claims whose lease ran out mid-send, never hand them out again, and put back those whose send never started", async () => {
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
      expect(await store().outbox.markSending([long?.id ?? ""], "worker-a", NOW)).toEqual([
        long?.id,
      ]);

      expect(renewed).toBeUndefined();
      expect(await store().outbox.expireLeases(minutesAfter(NOW, 1))).toBe(0);
      expect(await store().outbox.expireLeases(minutesAfter(NOW, 2))).toBe(2);
      expect(await store().outbox.expireLeases(minutesAfter(NOW, 2))).toBe(0);
      expect(await store().outbox.byDedupeKey(long?.dedupeKey ?? "")).toMatchObject({
        status: "failed",
        lastError: "lease expired",
        sendStartedAt: NOW,
      });
      const back = await store().outbox.byDedupeKey(open?.dedupeKey ?? "");
      expect(back).toMatchObject({ status: "planned", plannedFor: open?.plannedFor });
      expect(back?.claimedBy).toBeUndefined();
      const later = minutesAfter(NOW, 60);
      const [again] = await store().outbox.claimDue(later, "worker-d", minutesAfter(later, 5), 10);
      expect(again).toMatchObject({ id: open?.id, claimedBy: "worker-d", attempts: 2 });
      expect(await store().outbox.claimDue(later, "worker-e", minutesAfter(later, 5), 10)).toEqual(
        [],
      );
      expect((await store().outbox.byDedupeKey(short?.dedupeKey ?? ""))?.status).toBe("sent");
    });

    it("Should mark a send in flight only for the worker holding a lease that is still running", async () => {
      const borrower = await givenBorrower(store());
      for (const minutes of [-2, -1]) {
        await store().outbox.plan(
          plannedNudge(borrower.id, { plannedFor: minutesAfter(NOW, minutes) }),
        );
      }
      const [first, second] = await store().outbox.claimDue(
        NOW,
        "worker-a",
        minutesAfter(NOW, 1),
        2,
      );
      const ids = [first?.id ?? "", second?.id ?? ""];

      expect(await store().outbox.markSending(ids, "worker-b", NOW)).toEqual([]);
      expect(await store().outbox.markSending(ids, "worker-a", minutesAfter(NOW, 1))).toEqual([]);
      expect(await store().outbox.markSending([UNKNOWN_ID, ...ids], "worker-a", NOW)).toEqual(ids);
      // Put back (a 429): no longer in flight, and not claimed, so not markable.
      await store().outbox.reschedule(ids[0] ?? "", NOW, ["RATE_LIMITED"]);
      expect(
        (await store().outbox.byDedupeKey(first?.dedupeKey ?? ""))?.sendStartedAt,
      ).toBeUndefined();
      expect(await store().outbox.markSending(ids, "worker-a", NOW)).toEqual([ids[1]]);
    });

    it("Should count as contacts the rows sent, in flight or lost mid-send, never those that did not leave", async () => {
      const borrower = await givenBorrower(store());
      const other = await givenBorrower(store());
      const plan = (who: string, minutes: number) =>
        store().outbox.plan(plannedNudge(who, { plannedFor: minutesAfter(NOW, minutes) }));
      for (const minutes of [-7, -6, -5, -4, -3, -2]) await plan(borrower.id, minutes);
      await plan(other.id, -8);
      await plan(borrower.id, 30); // planned, not due: no contact
      const claimAt = (minutes: number, worker: string, until: string) =>
        store().outbox.claimDue(minutesAfter(NOW, minutes), worker, until, 1);
      const [othersSent] = await claimAt(0, "w-0", LEASE);
      const [sent] = await claimAt(1, "w-1", LEASE);
      const [lost] = await claimAt(2, "w-2", minutesAfter(NOW, 3));
      const [unknown] = await claimAt(3, "w-3", LEASE);
      const [blocked] = await claimAt(4, "w-4", LEASE);
      const [suppressed] = await claimAt(5, "w-5", LEASE);
      const [inFlight] = await claimAt(6, "w-6", LEASE);
      await store().outbox.markSent(othersSent?.id ?? "", "tg-other", minutesAfter(NOW, 1));
      await store().outbox.markSent(sent?.id ?? "", "tg-1", minutesAfter(NOW, 1));
      await store().outbox.markSending([lost?.id ?? ""], "w-2", minutesAfter(NOW, 2));
      await store().outbox.expireLeases(minutesAfter(NOW, 4));
      await store().outbox.markFailed(
        unknown?.id ?? "",
        "unknown outcome: ETIMEDOUT (not retried)",
        minutesAfter(NOW, 4),
      );
      await store().outbox.markFailed(blocked?.id ?? "", "permanent: BLOCKED_BY_USER", NOW);
      await store().outbox.markSuppressed(suppressed?.id ?? "", ["OPTED_OUT"], NOW);

      const contacts = await store().outbox.contactsSince(borrower.id, NOW);
      expect(contacts.map((row) => [row.id, row.status, row.claimedAt])).toEqual([
        [sent?.id, "sent", minutesAfter(NOW, 1)],
        [lost?.id, "failed", minutesAfter(NOW, 2)],
        [unknown?.id, "failed", minutesAfter(NOW, 3)],
        [inFlight?.id, "claimed", minutesAfter(NOW, 6)],
      ]);
      const later = await store().outbox.contactsSince(borrower.id, minutesAfter(NOW, 3));
      expect(later.map((row) => row.id)).toEqual([unknown?.id, inFlight?.id]);
      expect(await store().outbox.sentSince(borrower.id, NOW)).toEqual([contacts[0]]);

      const many = await store().outbox.contactsSinceFor([borrower.id, other.id, UNKNOWN_ID], NOW);
      expect(many).toEqual(
        new Map([
          [borrower.id, contacts],
          [other.id, await store().outbox.contactsSince(other.id, NOW)],
          [UNKNOWN_ID, []],
        ]),
      );
      expect(many.get(other.id)?.map((row) => row.id)).toEqual([othersSent?.id]);
      for (const since of [NOW, minutesAfter(NOW, 3)]) {
        const ids = [borrower.id, other.id, UNKNOWN_ID];
        expect(await contactRecordsKind(store(), "sent", ids, LEASE, { since })).toEqual(
          await store().outbox.contactsSinceFor(ids, since),
        );
      }
      expect(await store().outbox.contactsSinceFor([], NOW)).toEqual(new Map());
    });

    it("Should let one dispatcher at a time hold a borrower, until it lets go or its hold ends", async () => {
      const borrower = await givenBorrower(store());
      const hold = (worker: string, minutes: number, until = LEASE) =>
        store().outbox.holdBorrower(borrower.id, worker, until, minutesAfter(NOW, minutes));

      expect(await hold("worker-a", 0)).toEqual({ held: true });
      expect(await hold("worker-b", 1)).toEqual({ held: false, until: LEASE });
      expect(await hold("worker-a", 1)).toEqual({ held: false, until: LEASE });
      await store().outbox.releaseBorrower(borrower.id, "worker-b"); // not the holder: no effect
      expect(await hold("worker-b", 1)).toEqual({ held: false, until: LEASE });
      await store().outbox.releaseBorrower(borrower.id, "worker-a");
      expect(await hold("worker-b", 1, minutesAfter(NOW, 2))).toEqual({ held: true });
      // worker-b crashed: its hold ends on its own.
      expect(await hold("worker-c", 2)).toEqual({ held: true });
      await expect(store().outbox.holdBorrower(UNKNOWN_ID, "worker-a", LEASE, NOW)).rejects.toEqual(
        storeError("NOT_FOUND", { kind: "borrower" }),
      );
    });

    it("Should give a borrower to exactly one of five dispatchers asking at once", async () => {
      const borrower = await givenBorrower(store());
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          store().outbox.holdBorrower(borrower.id, `worker-${n}`, LEASE, NOW),
        ),
      );
      expect(results.filter((result) => result.held)).toHaveLength(1);
      expect(results.filter((result) => !result.held)).toEqual(
        Array(4).fill({ held: false, until: LEASE }),
      );
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
