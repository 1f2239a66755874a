// HandoffStore contract: one active handoff per borrower, claimed by one agent, found by thread.
import { describe, expect, it } from "vitest";
import { givenBorrower, givenLoan } from "../../helpers/builders.ts";
import { eachOf, minutesAfter, storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const NOW = "2026-03-01T10:00:00.000Z";

export function handoffsContract(store: StoreOf): void {
  describe("handoffs", () => {
    it("Should open one handoff per borrower and hand back the active one after", async () => {
      const loan = await givenLoan(store());
      const opened = await store().handoffs.open(loan.borrowerId, "dispute", NOW, loan.id);
      const again = await store().handoffs.open(
        loan.borrowerId,
        "human_agent",
        minutesAfter(NOW, 1),
      );

      expect(opened).toEqual({
        created: true,
        handoff: {
          id: expect.any(String),
          borrowerId: loan.borrowerId,
          loanId: loan.id,
          status: "open",
          reason: "dispute",
          createdAt: NOW,
        },
      });
      expect(again).toEqual({ handoff: opened.handoff, created: false });
      expect(await store().handoffs.active(loan.borrowerId)).toEqual(opened.handoff);
    });

    it("Should create one handoff when three are opened for a borrower at once", async () => {
      const borrower = await givenBorrower(store());
      const results = await Promise.all(
        [1, 2, 3].map(() => store().handoffs.open(borrower.id, "human_agent", NOW)),
      );

      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.handoff.id)).size).toBe(1);
      expect(await store().handoffs.listActive(10)).toHaveLength(1);
    });

    it("Should let one of two agents claim a handoff", async () => {
      const borrower = await givenBorrower(store());
      const { handoff } = await store().handoffs.open(borrower.id, "escalation", NOW);
      const [a, b] = await Promise.all([
        store().handoffs.claim(handoff.id, "U1", minutesAfter(NOW, 1)),
        store().handoffs.claim(handoff.id, "U2", minutesAfter(NOW, 1)),
      ]);
      const winner = a ?? b;

      expect([a, b].filter((claim) => claim === undefined)).toHaveLength(1);
      expect(winner).toEqual({ ...handoff, status: "claimed", claimedBy: winner?.claimedBy });
      expect(await store().handoffs.claim(handoff.id, "U3", NOW)).toBeUndefined();
      expect(await store().handoffs.claim(UNKNOWN_ID, "U3", NOW)).toBeUndefined();
      expect((await store().handoffs.open(borrower.id, "dispute", NOW)).handoff).toEqual(winner);
    });

    it("Should find a handoff by its Slack thread and let a new one open after release", async () => {
      const borrower = await givenBorrower(store());
      const { handoff } = await store().handoffs.open(borrower.id, "human_agent", NOW);
      await store().handoffs.setThread(handoff.id, "C123", "1712345678.000100");

      const threaded = { ...handoff, slackChannel: "C123", slackThreadTs: "1712345678.000100" };
      expect(await store().handoffs.byThread("C123", "1712345678.000100")).toEqual(threaded);
      expect(await store().handoffs.byThread("C123", "0.0")).toBeUndefined();

      await store().handoffs.release(handoff.id, minutesAfter(NOW, 5));
      expect(await store().handoffs.active(borrower.id)).toBeUndefined();
      expect(await store().handoffs.byThread("C123", "1712345678.000100")).toEqual({
        ...threaded,
        status: "released",
      });
      const reopened = await store().handoffs.open(borrower.id, "dispute", minutesAfter(NOW, 6));
      expect(reopened.created).toBe(true);
      expect(reopened.handoff.id).not.toBe(handoff.id);
    });

    it("Should list open and claimed handoffs oldest first", async () => {
      const ids: string[] = [];
      for (const minutes of [2, 0, 1, 3]) {
        const borrower = await givenBorrower(store());
        const { handoff } = await store().handoffs.open(
          borrower.id,
          "human_agent",
          minutesAfter(NOW, minutes),
        );
        ids[minutes] = handoff.id;
      }
      await store().handoffs.claim(ids[1] ?? "", "U1", NOW);
      await store().handoffs.release(ids[2] ?? "", NOW);

      const listed = await store().handoffs.listActive(10);
      expect(listed.map((handoff) => handoff.id)).toEqual([ids[0], ids[1], ids[3]]);
      expect((await store().handoffs.listActive(1)).map((handoff) => handoff.id)).toEqual([ids[0]]);
    });

    it("Should read many borrowers' active handoffs at once as active does, leaving the rest out", async () => {
      const open = await givenLoan(store());
      const claimed = await givenBorrower(store());
      const released = await givenBorrower(store());
      const reopened = await givenBorrower(store());
      const none = await givenBorrower(store());
      await store().handoffs.open(open.borrowerId, "dispute", NOW, open.id);
      const toClaim = await store().handoffs.open(claimed.id, "escalation", NOW);
      await store().handoffs.claim(toClaim.handoff.id, "agent:U1", minutesAfter(NOW, 1));
      const toRelease = await store().handoffs.open(released.id, "human_agent", NOW);
      await store().handoffs.release(toRelease.handoff.id, minutesAfter(NOW, 1));
      const first = await store().handoffs.open(reopened.id, "human_agent", NOW);
      await store().handoffs.release(first.handoff.id, minutesAfter(NOW, 1));
      await store().handoffs.open(reopened.id, "dispute", minutesAfter(NOW, 2));
      const ids = [none.id, open.borrowerId, claimed.id, UNKNOWN_ID, released.id, reopened.id];

      const read = await store().handoffs.activeFor(ids);

      expect(read).toEqual(await eachOf(ids, (id) => store().handoffs.active(id)));
      expect([...read.keys()].sort()).toEqual([open.borrowerId, claimed.id, reopened.id].sort());
      expect(await store().handoffs.activeFor([])).toEqual(new Map());
    });

    it("Should refuse unknown borrowers, loans and handoffs", async () => {
      const borrower = await givenBorrower(store());
      await expect(store().handoffs.open(UNKNOWN_ID, "dispute", NOW)).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
      await expect(store().handoffs.open(borrower.id, "dispute", NOW, UNKNOWN_ID)).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
      await expect(store().handoffs.setThread(UNKNOWN_ID, "C1", "1.0")).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
      await expect(store().handoffs.release(UNKNOWN_ID, NOW)).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
    });

    it("Should find a handoff by id whatever its status, and nothing for an unknown id", async () => {
      const loan = await givenLoan(store());
      const { handoff } = await store().handoffs.open(loan.borrowerId, "dispute", NOW, loan.id);
      expect(await store().handoffs.byId(handoff.id)).toEqual(handoff);

      await store().handoffs.claim(handoff.id, "agent:U1", NOW);
      await store().handoffs.setThread(handoff.id, "C1", "1700000000.000100");
      await store().handoffs.release(handoff.id, minutesAfter(NOW, 5));
      expect(await store().handoffs.byId(handoff.id)).toEqual({
        ...handoff,
        status: "released",
        claimedBy: "agent:U1",
        slackChannel: "C1",
        slackThreadTs: "1700000000.000100",
      });
      expect(await store().handoffs.byId(UNKNOWN_ID)).toBeUndefined();
    });
  });
}
