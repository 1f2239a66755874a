// TransactionStore.recordChecked contract: a waiver and its audit entry are one write, checked against what is owed inside it.
import { describe, expect, it } from "vitest";
import { loanStateAsOf } from "../../../core/ledger/loan-state-as-of.ts";
import type { Transaction } from "../../../core/ledger/transaction.ts";
import type { Money } from "../../../core/money/money.ts";
import type { AuditEntry } from "../../../core/ports/audit.ts";
import type { StoredLoan } from "../../../core/ports/loans.ts";
import type { CheckedWrite } from "../../../core/ports/transactions.ts";
import { decideWaiver } from "../../../core/waivers/index.ts";
import { givenLoan, uniqueRef } from "../../helpers/builders.ts";
import { usd } from "../../helpers/loans.ts";
import { storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const TODAY = "2026-03-01";
const fee = { type: "fee", date: "2026-02-20", amount: usd("30.00") } as const;

function auditFor(loan: StoredLoan, amount: Money, at = "2026-03-01T10:00:00.000Z"): AuditEntry {
  return {
    actor: "agent:UTEST",
    action: "waiver.granted",
    subject: `loan:${loan.id}`,
    payload: { amount: amount.minor.toString() },
    at,
  };
}

/** The check the Slack waiver uses: decideWaiver on the transactions the store hands over. */
function waiverCheck(loan: StoredLoan, amount: Money, audit = auditFor(loan, amount)) {
  return (transactions: readonly Transaction[]): CheckedWrite<string> => {
    const decided = decideWaiver({
      loan,
      transactions,
      today: TODAY,
      amount,
      component: "fees",
      cap: usd("50.00"),
    });
    return decided.granted ? { write: decided.waiver, audit } : { refused: decided.refusal.code };
  };
}

export function checkedRecordsContract(store: StoreOf): void {
  describe("transactions.recordChecked", () => {
    async function loanOwingFees(): Promise<StoredLoan> {
      const loan = await givenLoan(store());
      await store().transactions.record(loan.id, uniqueRef("fee"), fee);
      expect(loanStateAsOf(loan, [fee], TODAY).outstanding.fees).toEqual(usd("30.00"));
      return loan;
    }

    const feesOwed = async (loan: StoredLoan) =>
      loanStateAsOf(
        loan,
        (await store().transactions.forLoan(loan.id)).map((r) => r.transaction),
        TODAY,
      ).outstanding.fees;

    it("Should never waive more than is owed when four waivers are submitted at once", async () => {
      const loan = await loanOwingFees();
      const results = await Promise.all(
        [1, 2, 3, 4].map(() =>
          store().transactions.recordChecked(
            loan.id,
            uniqueRef("waiver"),
            waiverCheck(loan, usd("20.00")),
          ),
        ),
      );

      expect(results.filter((r) => r.outcome === "recorded")).toHaveLength(1);
      expect(results.filter((r) => r.outcome === "refused")).toEqual(
        Array(3).fill({ outcome: "refused", refusal: "WAIVER_OVER_OWED" }),
      );
      expect(await feesOwed(loan)).toEqual(usd("10.00"));
      const audit = await store().audit.forSubject(`loan:${loan.id}`, 10);
      expect(audit).toMatchObject([{ action: "waiver.granted", payload: { amount: "2000" } }]);
    });

    it("Should let waivers at once that fit what is owed all through, each with its audit entry", async () => {
      const loan = await loanOwingFees();
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          store().transactions.recordChecked(
            loan.id,
            uniqueRef("waiver"),
            waiverCheck(loan, usd("10.00")),
          ),
        ),
      );

      expect(results.map((r) => r.outcome)).toEqual(["recorded", "recorded", "recorded"]);
      expect(await feesOwed(loan)).toEqual(usd("0.00"));
      expect(await store().audit.forSubject(`loan:${loan.id}`, 10)).toHaveLength(3);
    });

    it("Should write neither the waiver nor its audit entry when the check refuses", async () => {
      const loan = await loanOwingFees();
      const refused = await store().transactions.recordChecked(
        loan.id,
        uniqueRef("waiver"),
        waiverCheck(loan, usd("30.01")),
      );

      expect(refused).toEqual({ outcome: "refused", refusal: "WAIVER_OVER_OWED" });
      expect(await store().transactions.forLoan(loan.id)).toHaveLength(1);
      expect(await store().audit.forSubject(`loan:${loan.id}`, 10)).toEqual([]);
    });

    it("Should write neither when the audit entry cannot be stored", async () => {
      const loan = await loanOwingFees();
      const badAudit = auditFor(loan, usd("5.00"), "not an instant");
      await expect(
        store().transactions.recordChecked(
          loan.id,
          uniqueRef("waiver"),
          waiverCheck(loan, usd("5.00"), badAudit),
        ),
      ).rejects.toThrow();
      expect(await feesOwed(loan)).toEqual(usd("30.00"));
      expect(await store().audit.forSubject(`loan:${loan.id}`, 10)).toEqual([]);
    });

    it("Should return the first record for a reused key without checking again", async () => {
      const loan = await loanOwingFees();
      const key = uniqueRef("waiver");
      const first = await store().transactions.recordChecked(
        loan.id,
        key,
        waiverCheck(loan, usd("5.00")),
      );
      let checkedAgain = false;
      const replay = await store().transactions.recordChecked(loan.id, key, (transactions) => {
        checkedAgain = true;
        return waiverCheck(loan, usd("5.00"))(transactions);
      });

      expect(first.outcome).toBe("recorded");
      expect(replay).toEqual({
        outcome: "duplicate",
        record: first.outcome === "recorded" ? first.record : undefined,
      });
      expect(checkedAgain).toBe(false);
      expect(await feesOwed(loan)).toEqual(usd("25.00"));
    });

    it("Should refuse an unknown loan with NOT_FOUND", async () => {
      const loan = await loanOwingFees();
      await expect(
        store().transactions.recordChecked(
          UNKNOWN_ID,
          uniqueRef("waiver"),
          waiverCheck(loan, usd("5.00")),
        ),
      ).rejects.toEqual(storeError("NOT_FOUND", { kind: "loan" }));
    });
  });
}
