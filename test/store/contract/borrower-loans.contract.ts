// The borrower reads an inbound message needs: the borrower behind a chat account, and their loans with transactions.
import { describe, expect, it } from "vitest";
import type { Transaction } from "../../../core/ledger/transaction.ts";
import { parseRate } from "../../../core/money/rate.ts";
import type { PauseReason } from "../../../core/ports/contact-controls.ts";
import { givenBorrower, givenLoan, uniqueRef } from "../../helpers/builders.ts";
import { termsOf, usd } from "../../helpers/loans.ts";
import { EXTENDED_TERM_RESCHEDULE, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const VERIFIED = "2026-03-01T10:00:00.000Z";
const IN_AN_HOUR = "2026-03-01T11:00:00.000Z";

/** Every kind of transaction, two on one date (recording order breaks the tie). */
const TRANSACTIONS: readonly Transaction[] = [
  { type: "payment", date: "2026-03-15", amount: usd("107.17") },
  { type: "fee", date: "2026-03-01", amount: usd("25.00") },
  { type: "waiver", date: "2026-03-02", amount: usd("10.00"), component: "penalties" },
  { type: "waiver", date: "2026-03-15", amount: usd("5.00") },
  EXTENDED_TERM_RESCHEDULE,
];

export function borrowerLoansContract(store: StoreOf): void {
  describe("borrower reads", () => {
    it("Should find the borrower behind a chat account as byId reads them, and nobody for an unlinked one", async () => {
      const borrower = await givenBorrower(store(), { phone: "+447700900123", locale: "zh-CN" });
      const externalId = uniqueRef("tg");
      await store().identities.bind({
        channel: "telegram",
        externalId,
        borrowerId: borrower.id,
        verifiedAt: VERIFIED,
      });

      const found = await store().identities.findBorrower("telegram", externalId);
      expect(found).toEqual(await store().borrowers.byId(borrower.id));
      expect(found?.id).toBe(borrower.id);
      expect(await store().identities.findBorrower("console", externalId)).toBeUndefined();
      expect(await store().identities.findBorrower("telegram", uniqueRef("tg"))).toBeUndefined();
    });

    it("Should read a borrower's loans with their transactions as forBorrower and forLoan list them", async () => {
      const borrower = await givenBorrower(store());
      const second = await givenLoan(store(), { borrowerId: borrower.id, externalRef: "LN-2" });
      const first = await givenLoan(store(), {
        borrowerId: borrower.id,
        externalRef: "LN-1",
        terms: termsOf({ termCount: 6, frequency: "biweekly", annualRate: parseRate("0.125") }),
        lateFee: {
          flat: usd("15.00"),
          percent: parseRate("0.05"),
          graceDays: 5,
          cap: usd("60.00"),
        },
      });
      await store().loans.setNextNudgeAt(first.id, "2026-03-01T09:00:00.000Z");
      await store().loans.setStatus(second.id, "paid_off");
      const other = await givenLoan(store());
      for (const transaction of TRANSACTIONS) {
        await store().transactions.record(first.id, uniqueRef("tx"), transaction);
      }
      await store().transactions.record(other.id, uniqueRef("tx"), TRANSACTIONS[0] as Transaction);

      const expected = await Promise.all(
        (await store().loans.forBorrower(borrower.id)).map(async (loan) => ({
          loan,
          transactions: await store().transactions.forLoan(loan.id),
        })),
      );
      const read = await store().loans.forBorrowerWithTransactions(borrower.id);
      expect(read).toEqual(expected);
      expect(read.map(({ loan }) => loan.externalRef)).toEqual(["LN-1", "LN-2"]);
      expect(read[0]?.transactions.map((record) => record.transaction)).toEqual([
        TRANSACTIONS[1],
        TRANSACTIONS[2],
        TRANSACTIONS[4],
        TRANSACTIONS[0],
        TRANSACTIONS[3],
      ]);
      expect(read[1]?.transactions).toEqual([]);
    });

    it("Should read only the loans in a status when asked, and nothing for an unknown borrower", async () => {
      const borrower = await givenBorrower(store());
      const active = await givenLoan(store(), { borrowerId: borrower.id, externalRef: "LN-A" });
      const paid = await givenLoan(store(), { borrowerId: borrower.id, externalRef: "LN-B" });
      await store().loans.setStatus(paid.id, "paid_off");

      const read = await store().loans.forBorrowerWithTransactions(borrower.id, "active");
      expect(read.map(({ loan }) => loan.id)).toEqual([active.id]);
      expect(
        (await store().loans.forBorrowerWithTransactions(borrower.id, "paid_off")).map(
          ({ loan }) => loan.id,
        ),
      ).toEqual([paid.id]);
      expect(await store().loans.forBorrowerWithTransactions(UNKNOWN_ID)).toEqual([]);
      expect(await store().loans.forBorrowerWithTransactions(UNKNOWN_ID, "active")).toEqual([]);
    });

    it("Should find a chat account's borrower with their active pauses and active loans, as the single reads list them", async () => {
      const borrower = await givenBorrower(store(), { phone: "+447700900123" });
      const quiet = await givenBorrower(store());
      const [held, calm] = [uniqueRef("tg"), uniqueRef("tg")];
      for (const [externalId, borrowerId] of [
        [held, borrower.id],
        [calm, quiet.id],
      ] as const) {
        await store().identities.bind({
          channel: "telegram",
          externalId,
          borrowerId,
          verifiedAt: VERIFIED,
        });
      }
      const later = await givenLoan(store(), { borrowerId: borrower.id, externalRef: "LN-3" });
      const paid = await givenLoan(store(), { borrowerId: borrower.id, externalRef: "LN-2" });
      const first = await givenLoan(store(), { borrowerId: borrower.id, externalRef: "LN-1" });
      await store().loans.setStatus(paid.id, "paid_off");
      await store().loans.setNextNudgeAt(first.id, "2026-03-01T09:00:00.000Z");
      for (const transaction of TRANSACTIONS) {
        await store().transactions.record(first.id, uniqueRef("tx"), transaction);
      }
      await store().transactions.record(paid.id, uniqueRef("tx"), TRANSACTIONS[0] as Transaction);
      await givenLoan(store(), { borrowerId: quiet.id });
      const pause = (reason: PauseReason, more: { loanId?: string; until?: string } = {}) =>
        store().contact.pause({
          borrowerId: borrower.id,
          reason,
          createdBy: "nudger:telegram",
          ...more,
        });
      await pause("unreachable");
      await pause("promise", { loanId: first.id, until: IN_AN_HOUR });
      await pause("agent_hold", { until: VERIFIED });
      await store().contact.liftPause((await pause("hardship")).id, VERIFIED);
      await store().contact.pause({
        borrowerId: quiet.id,
        reason: "dispute",
        createdBy: "agent:U1",
      });

      const found = await store().identities.findBorrowerForMessage("telegram", held, VERIFIED);
      expect(found).toEqual({
        borrower: await store().borrowers.byId(borrower.id),
        activePauses: await store().contact.activePauses(borrower.id, VERIFIED),
        activeLoans: await store().loans.forBorrowerWithTransactions(borrower.id, "active"),
      });
      expect(found?.activePauses.map((p) => p.reason).sort()).toEqual(["promise", "unreachable"]);
      expect(found?.activePauses.find((p) => p.reason === "promise")).toMatchObject({
        loanId: first.id,
        until: IN_AN_HOUR,
      });
      expect(found?.activeLoans.map(({ loan }) => loan.id)).toEqual([first.id, later.id]);
      expect(found?.activeLoans[0]?.transactions).toHaveLength(TRANSACTIONS.length);

      const alone = await givenBorrower(store());
      const lone = uniqueRef("tg");
      await store().identities.bind({
        channel: "telegram",
        externalId: lone,
        borrowerId: alone.id,
        verifiedAt: VERIFIED,
      });
      expect(await store().identities.findBorrowerForMessage("telegram", lone, VERIFIED)).toEqual({
        borrower: await store().borrowers.byId(alone.id),
        activePauses: [],
        activeLoans: [],
      });
      expect(
        (await store().identities.findBorrowerForMessage("telegram", calm, VERIFIED))?.activePauses,
      ).toHaveLength(1);
      expect(
        await store().identities.findBorrowerForMessage("console", held, VERIFIED),
      ).toBeUndefined();
      expect(
        await store().identities.findBorrowerForMessage("telegram", uniqueRef("tg"), VERIFIED),
      ).toBeUndefined();
    });
  });
}
