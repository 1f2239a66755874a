// ContactControls contract: opt-outs per channel, pauses that expire or are lifted, promises.
import { describe, expect, it } from "vitest";
import type { StoredLoan } from "../../../core/ports/loans.ts";
import { givenBorrower, givenLoan } from "../../helpers/builders.ts";
import { usd } from "../../helpers/loans.ts";
import { contactRecordsKind, eachOf, storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const NOW = "2026-03-01T10:00:00.000Z";
const BEFORE = "2026-03-01T09:00:00.000Z";
const LATER = "2026-03-01T11:00:00.000Z";

export function contactControlsContract(store: StoreOf): void {
  describe("opt-outs", () => {
    it("Should opt out per channel, idempotently, and opt back in", async () => {
      const borrower = await givenBorrower(store());
      await store().contact.optOut(borrower.id, "telegram", NOW);
      await store().contact.optOut(borrower.id, "telegram", LATER);
      await store().contact.optOut(borrower.id, "console", NOW);

      expect(await store().contact.optedOutChannels(borrower.id)).toEqual(["console", "telegram"]);
      await store().contact.optIn(borrower.id, "telegram");
      await store().contact.optIn(borrower.id, "telegram");
      expect(await store().contact.optedOutChannels(borrower.id)).toEqual(["console"]);
      expect(await store().contact.optedOutChannels(UNKNOWN_ID)).toEqual([]);
    });

    it("Should read many borrowers' opt-outs at once, each as optedOutChannels lists them", async () => {
      const both = await givenBorrower(store());
      const one = await givenBorrower(store());
      const none = await givenBorrower(store());
      await store().contact.optOut(both.id, "telegram", NOW);
      await store().contact.optOut(one.id, "console", NOW);
      await store().contact.optOut(both.id, "console", LATER);
      const ids = [none.id, both.id, UNKNOWN_ID, one.id, both.id];

      const read = await store().contact.optedOutChannelsFor(ids);

      expect(read).toEqual(await eachOf(ids, (id) => store().contact.optedOutChannels(id)));
      expect(read.get(both.id)).toEqual(["console", "telegram"]);
      expect(read.get(none.id)).toEqual([]);
      expect(await store().contact.optedOutChannelsFor([])).toEqual(new Map());
    });
  });

  describe("pauses", () => {
    it("Should report pauses that are neither expired nor lifted", async () => {
      const loan = await givenLoan(store());
      const borrowerId = loan.borrowerId;
      const open = await store().contact.pause({
        borrowerId,
        reason: "dispute",
        createdBy: "agent:U1",
      });
      const running = await store().contact.pause({
        borrowerId,
        loanId: loan.id,
        reason: "promise",
        until: LATER,
        createdBy: "assistant",
      });
      await store().contact.pause({
        borrowerId,
        reason: "agent_hold",
        until: NOW,
        createdBy: "agent:U1",
      });
      const lifted = await store().contact.pause({
        borrowerId,
        reason: "hardship",
        createdBy: "agent:U2",
      });
      await store().contact.liftPause(lifted.id, BEFORE);

      expect(open).toEqual({
        id: expect.any(String),
        borrowerId,
        reason: "dispute",
        createdBy: "agent:U1",
      });
      expect(running).toMatchObject({ loanId: loan.id, until: LATER });
      const active = await store().contact.activePauses(borrowerId, NOW);
      expect(active.sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([open, running]);
      expect(await store().contact.activePauses(borrowerId, LATER)).toEqual([open]);
    });

    it("Should read many borrowers' active pauses at once, each as activePauses lists them", async () => {
      const loan = await givenLoan(store());
      const held = loan.borrowerId;
      const other = await givenBorrower(store());
      const calm = await givenBorrower(store());
      const pause = (borrowerId: string, extra: { loanId?: string; until?: string } = {}) =>
        store().contact.pause({
          borrowerId,
          reason: "agent_hold",
          createdBy: "agent:U1",
          ...extra,
        });
      await pause(held);
      await pause(held, { loanId: loan.id, until: LATER });
      await pause(held, { until: NOW });
      await pause(other.id, { until: LATER });
      const lifted = await pause(other.id);
      await store().contact.liftPause(lifted.id, NOW);
      await pause(held);
      const ids = [calm.id, held, UNKNOWN_ID, other.id];

      for (const at of [BEFORE, NOW, LATER]) {
        const read = await store().contact.activePausesFor(ids, at);
        expect(read).toEqual(await eachOf(ids, (id) => store().contact.activePauses(id, at)));
        expect(await contactRecordsKind(store(), "pauses", ids, at)).toEqual(read);
        expect(read.get(calm.id)).toEqual([]);
      }
      expect((await store().contact.activePausesFor(ids, NOW)).get(held)).toHaveLength(3);
      expect(await store().contact.activePausesFor([], NOW)).toEqual(new Map());
      await expect(store().contact.activePausesFor(ids, "soon")).rejects.toEqual(
        storeError("INVALID_INSTANT"),
      );
    });

    it("Should count a pause lifted later as active until it is lifted", async () => {
      const borrower = await givenBorrower(store());
      const pause = await store().contact.pause({
        borrowerId: borrower.id,
        reason: "agent_hold",
        createdBy: "agent:U1",
      });
      await store().contact.liftPause(pause.id, NOW);

      expect(await store().contact.activePauses(borrower.id, BEFORE)).toEqual([pause]);
      expect(await store().contact.activePauses(borrower.id, NOW)).toEqual([]);
    });

    it("Should refuse to lift an unknown pause, or pause an unknown borrower or loan", async () => {
      await expect(store().contact.liftPause(UNKNOWN_ID, NOW)).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
      await expect(
        store().contact.pause({ borrowerId: UNKNOWN_ID, reason: "dispute", createdBy: "cli" }),
      ).rejects.toEqual(storeError("NOT_FOUND"));
      const borrower = await givenBorrower(store());
      await expect(
        store().contact.pause({
          borrowerId: borrower.id,
          loanId: UNKNOWN_ID,
          reason: "dispute",
          createdBy: "cli",
        }),
      ).rejects.toEqual(storeError("NOT_FOUND", { kind: "loan" }));
    });
  });

  describe("promises to pay", () => {
    it("Should record promises open, resolve them, and list them by promised date", async () => {
      const loan = await givenLoan(store());
      const later = await store().contact.promise({
        borrowerId: loan.borrowerId,
        loanId: loan.id,
        amount: usd("107.17"),
        promisedFor: "2026-03-13",
      });
      const sooner = await store().contact.promise({
        borrowerId: loan.borrowerId,
        loanId: loan.id,
        amount: usd("50.00"),
        promisedFor: "2026-03-06",
      });
      await store().contact.setPromiseStatus(sooner.id, "kept", NOW);

      expect(later).toEqual({
        id: expect.any(String),
        borrowerId: loan.borrowerId,
        loanId: loan.id,
        amount: usd("107.17"),
        promisedFor: "2026-03-13",
        status: "open",
      });
      expect(await store().contact.promises(loan.borrowerId)).toEqual([
        { ...sooner, status: "kept" },
        later,
      ]);
      // a plan replaced the arrears: closed, neither kept nor broken
      await store().contact.setPromiseStatus(later.id, "closed", NOW);
      expect((await store().contact.promises(loan.borrowerId)).map((p) => p.status)).toEqual([
        "kept",
        "closed",
      ]);
      await expect(store().contact.setPromiseStatus(UNKNOWN_ID, "broken", NOW)).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
    });

    it("Should read many borrowers' promises at once, each as promises lists them", async () => {
      const promise = (loan: StoredLoan, promisedFor: string) =>
        store().contact.promise({
          borrowerId: loan.borrowerId,
          loanId: loan.id,
          amount: usd("25.00"),
          promisedFor,
        });
      const mei = await givenLoan(store());
      const meiSecond = await givenLoan(store(), { borrowerId: mei.borrowerId });
      const ana = await givenLoan(store());
      const quiet = await givenBorrower(store());
      await promise(mei, "2026-03-13");
      const kept = await promise(ana, "2026-03-01");
      await promise(meiSecond, "2026-03-06");
      await promise(mei, "2026-03-06");
      await store().contact.setPromiseStatus(kept.id, "kept", NOW);
      const ids = [ana.borrowerId, quiet.id, UNKNOWN_ID, mei.borrowerId];

      const read = await store().contact.promisesFor(ids);

      expect(read).toEqual(await eachOf(ids, (id) => store().contact.promises(id)));
      expect(read.get(mei.borrowerId)).toHaveLength(3);
      expect(read.get(quiet.id)).toEqual([]);
      expect(await store().contact.promisesFor([])).toEqual(new Map());
    });

    it("Should list broken promises across borrowers, newest promised date first", async () => {
      const promise = async (loan: StoredLoan, promisedFor: string) =>
        store().contact.promise({
          borrowerId: loan.borrowerId,
          loanId: loan.id,
          amount: usd("25.00"),
          promisedFor,
        });
      const mei = await givenLoan(store());
      const ana = await givenLoan(store());
      const oldest = await promise(mei, "2026-02-01");
      const newest = await promise(ana, "2026-02-20");
      const middle = await promise(mei, "2026-02-10");
      const kept = await promise(ana, "2026-02-25");
      await promise(mei, "2026-02-28");
      for (const broken of [oldest, newest, middle]) {
        await store().contact.setPromiseStatus(broken.id, "broken", NOW);
      }
      await store().contact.setPromiseStatus(kept.id, "kept", NOW);

      expect(await store().contact.brokenPromises(10)).toEqual([
        { ...newest, status: "broken" },
        { ...middle, status: "broken" },
        { ...oldest, status: "broken" },
      ]);
      expect((await store().contact.brokenPromises(1)).map((p) => p.id)).toEqual([newest.id]);
      expect(await store().contact.brokenPromises(0)).toEqual([]);
      await expect(store().contact.brokenPromises(-1)).rejects.toEqual(storeError("INVALID_LIMIT"));
    });
  });
}
