// Contract: the planner's page read and page write give what the store's single reads and writes give.
import { describe, expect, it } from "vitest";
import type { Transaction } from "../../../core/ledger/index.ts";
import { money } from "../../../core/money/money.ts";
import { parseRate } from "../../../core/money/rate.ts";
import type { BorrowerContactRecords } from "../../../core/ports/index.ts";
import { givenBorrower, givenLoan } from "../../helpers/builders.ts";
import { termsOf } from "../../helpers/loans.ts";
import { contactRecordsKind, plannedNudge, storeError, UNKNOWN_ID } from "./fixtures.ts";
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

    it("Should read a due page with its borrowers, promises and active loans' transactions as the single reads give them", async () => {
      const usd = (minor: bigint) => money(minor, "USD");
      const first = await givenBorrower(store(), {
        phone: "+15550100",
        flags: { deceased: false, bankruptcy: true, hardship: false },
      });
      const second = await givenBorrower(store());
      const quiet = await givenBorrower(store());
      const busy = await givenLoan(store(), { borrowerId: first.id });
      const closed = await givenLoan(store(), { borrowerId: first.id, status: "paid_off" });
      const other = await givenLoan(store(), { borrowerId: second.id });
      const notDue = await givenLoan(store(), { borrowerId: quiet.id });
      const zero = usd(0n);
      const transactions: Transaction[] = [
        { type: "payment", date: "2026-03-15", amount: usd(300n) },
        { type: "payment", date: "2026-02-15", amount: usd(100n) },
        { type: "waiver", date: "2026-03-15", amount: usd(5n), component: "penalties" },
        {
          type: "reschedule",
          date: "2026-03-16",
          plan: "extended-term",
          installments: [1, 2].map((n) => ({
            n,
            dueDate: `2026-0${3 + n}-15`,
            principal: usd(50_000n),
            interest: usd(999n),
            fees: n === 1 ? usd(2500n) : zero,
            penalties: zero,
          })),
        },
      ];
      for (const [i, transaction] of transactions.entries()) {
        await store().transactions.record(busy.id, `page-${busy.id}-${i}`, transaction);
      }
      await store().transactions.record(
        closed.id,
        `page-${closed.id}`,
        transactions[0] as Transaction,
      );
      for (const promisedFor of ["2026-03-20", "2026-03-06"]) {
        await store().contact.promise({
          borrowerId: first.id,
          loanId: busy.id,
          amount: usd(700n),
          promisedFor,
        });
      }
      await store().contact.promise({
        borrowerId: quiet.id,
        loanId: notDue.id,
        amount: usd(1n),
        promisedFor: "2026-03-06",
      });
      const due = [busy, closed, other];
      for (const [i, loan] of due.entries()) {
        await store().loans.setNextNudgeAt(loan.id, `2026-03-01T08:0${i}:00.000Z`);
      }
      await store().loans.setNextNudgeAt(notDue.id, "2026-03-02T08:00:00.000Z");
      const now = "2026-03-01T09:00:00.000Z";

      const firstPage = await store().planning.duePage(now, 2);
      const secondPage = await store().planning.duePage(now, 2, {
        at: "2026-03-01T08:01:00.000Z",
        id: closed.id,
      });

      expect(firstPage.loans).toEqual(await store().loans.dueForNudge(now, 2));
      expect(secondPage.loans).toEqual([await store().loans.byId(other.id)]);
      expect(firstPage.borrowers).toEqual(await store().borrowers.byIds([first.id]));
      expect(firstPage.promises).toEqual(await store().contact.promisesFor([first.id]));
      expect(firstPage.promises.get(first.id)).toHaveLength(2);
      expect(firstPage.transactions).toEqual(await store().transactions.forLoans([busy.id]));
      expect(firstPage.transactions.get(busy.id)?.map((record) => record.transaction)).toEqual([
        transactions[1],
        transactions[0],
        transactions[2],
        transactions[3],
      ]);
      expect(secondPage.borrowers).toEqual(await store().borrowers.byIds([second.id]));
      expect(secondPage.promises).toEqual(new Map([[second.id, []]]));
      expect(secondPage.transactions).toEqual(new Map([[other.id, []]]));
      expect((await store().planning.duePage(now, 0)).loans).toEqual([]);
    });

    it("Should read many borrowers' identities, opt-outs, handoffs, consent and contact points in one read, as the batch reads give them", async () => {
      const known = await givenBorrower(store());
      const other = await givenBorrower(store());
      const quiet = await givenBorrower(store());
      const loan = await givenLoan(store(), { borrowerId: known.id });
      const at = "2026-03-01T09:00:00.000Z";
      for (const [borrowerId, channel, externalId] of [
        [known.id, "telegram", `tg-${known.id}`],
        [known.id, "console", `c-${known.id}`],
        [other.id, "telegram", `tg-${other.id}`],
      ] as const) {
        await store().identities.bind({ channel, externalId, borrowerId, verifiedAt: at });
      }
      await store().contact.optOut(known.id, "telegram", at);
      await store().contact.optOut(known.id, "console", at);
      await store().handoffs.open(known.id, "dispute", at, loan.id);
      const released = await store().handoffs.open(other.id, "human_agent", at);
      await store().handoffs.release(released.handoff.id, "2026-03-01T09:30:00.000Z");
      await store().handoffs.open(other.id, "human_agent", "2026-03-01T09:40:00.000Z");
      for (const [kind, minute] of [
        ["opt_out", 50],
        ["opt_in", 10],
      ] as const) {
        await store().consent.append({
          borrowerId: known.id,
          channel: "sms",
          kind,
          source: "api",
          address: "+447700900123",
          at: `2026-03-01T08:${minute}:00.000Z`,
        });
      }
      await store().contactPoints.set(known.id, {
        email: "mei@example.com",
        preferredChannel: "sms",
        fallbackOrder: ["email", "telegram"],
      });
      await store().contactPoints.set(other.id, { preferredChannel: "telegram" });
      const ids = [quiet.id, known.id, UNKNOWN_ID, other.id, known.id];
      const now = "2026-03-01T10:00:00.000Z";
      const kind = <K extends keyof BorrowerContactRecords>(name: K) =>
        contactRecordsKind(store(), name, ids, now);

      expect(await kind("identities")).toEqual(await store().identities.forBorrowers(ids));
      expect(await kind("optedOut")).toEqual(await store().contact.optedOutChannelsFor(ids));
      expect(await kind("handoff")).toEqual(await store().handoffs.activeFor(ids));
      expect(await kind("consent")).toEqual(await store().consent.forBorrowers(ids));
      expect(await kind("preferences")).toEqual(await store().contactPoints.forBorrowers(ids));
      expect((await kind("identities")).get(known.id)).toHaveLength(2);
      expect((await kind("consent")).get(known.id)?.map((event) => event.kind)).toEqual([
        "opt_in",
        "opt_out",
      ]);
      expect((await kind("handoff")).get(other.id)?.createdAt).toBe("2026-03-01T09:40:00.000Z");
      expect((await kind("preferences")).get(quiet.id)).toBeUndefined();
      expect(
        await store().planning.contactRecords([], now, { since: now, conversationDepth: 5 }),
      ).toEqual(new Map());
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

    it("Should write a decided page's nudges and next looks as planMany then setNextNudgeAtMany give them", async () => {
      const borrower = await givenBorrower(store());
      const planned = await givenLoan(store(), { borrowerId: borrower.id });
      const deferred = await givenLoan(store(), { borrowerId: borrower.id });
      const cleared = await givenLoan(store(), { borrowerId: borrower.id });
      for (const loan of [planned, deferred, cleared]) {
        await store().loans.setNextNudgeAt(loan.id, "2026-03-01T08:00:00.000Z");
      }
      const earlier = await store().outbox.plan(plannedNudge(borrower.id, { loanId: planned.id }));
      const fresh = plannedNudge(borrower.id, { loanId: planned.id, kind: "overdue" });

      const results = await store().planning.writePage(
        [fresh, { ...earlier.row, kind: "plan_offer" as const }],
        [
          { id: planned.id, at: "2026-03-02T18:00:00+08:00" },
          { id: deferred.id, at: "2026-03-05T10:00:00Z" },
          { id: UNKNOWN_ID, at: "2026-03-02T10:00:00Z" },
          { id: cleared.id },
          { id: deferred.id, at: "2026-03-09T10:00:00.000Z" },
        ],
      );

      expect(results.map((result) => result.created)).toEqual([true, false]);
      expect(results[1]?.row).toEqual(earlier.row);
      expect(results[0]?.row).toEqual(await store().outbox.byDedupeKey(fresh.dedupeKey));
      expect(results[0]?.row).toMatchObject({ ...fresh, status: "planned", attempts: 0 });
      const nextOf = async (id: string) => (await store().loans.byId(id))?.nextNudgeAt;
      expect(await nextOf(planned.id)).toBe("2026-03-02T10:00:00.000Z");
      expect(await nextOf(deferred.id)).toBe("2026-03-09T10:00:00.000Z");
      expect(await nextOf(cleared.id)).toBeUndefined();
      expect(await store().loans.byId(UNKNOWN_ID)).toBeUndefined();

      expect(
        await store().planning.writePage([], [{ id: cleared.id, at: "2026-03-04T10:00:00Z" }]),
      ).toEqual([]);
      expect(await nextOf(cleared.id)).toBe("2026-03-04T10:00:00.000Z");
    });

    it("Should write nothing of a page whose next looks hold an instant that is not one", async () => {
      const borrower = await givenBorrower(store());
      const loan = await givenLoan(store(), { borrowerId: borrower.id });
      await store().loans.setNextNudgeAt(loan.id, "2026-03-01T00:00:00Z");
      const nudge = plannedNudge(borrower.id, { loanId: loan.id });

      await expect(
        store().planning.writePage([nudge], [{ id: loan.id, at: "tomorrow" }]),
      ).rejects.toEqual(storeError("INVALID_INSTANT"));
      expect(await store().outbox.byDedupeKey(nudge.dedupeKey)).toBeUndefined();
      expect((await store().loans.byId(loan.id))?.nextNudgeAt).toBe("2026-03-01T00:00:00.000Z");
    });

    it("Should refuse a page write naming an unknown borrower with NOT_FOUND, as plan does", async () => {
      await expect(
        store().planning.writePage([plannedNudge(UNKNOWN_ID)], [{ id: UNKNOWN_ID }]),
      ).rejects.toEqual(storeError("NOT_FOUND", { kind: "borrower" }));
    });

    it("Should refuse a page naming an unknown borrower with NOT_FOUND, as plan does", async () => {
      await expect(store().outbox.planMany([plannedNudge(UNKNOWN_ID)])).rejects.toEqual(
        storeError("NOT_FOUND", { kind: "borrower" }),
      );
    });
  });
}
