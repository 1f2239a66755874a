// LoanStore contract: upserts by external ref, the stored schedule, status, nudge paging.
import { describe, expect, it } from "vitest";
import { parseRate, rate } from "../../../core/money/rate.ts";
import type { StoredLoan } from "../../../core/ports/loans.ts";
import { generateSchedule } from "../../../core/schedule/generate-schedule.ts";
import { MAX_PAGE_SIZE } from "../../../core/store/page-limit.ts";
import { givenBorrower, givenLoan, loanInput, uniqueRef } from "../../helpers/builders.ts";
import { termsOf, usd } from "../../helpers/loans.ts";
import { storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { ContractOptions, StoreOf } from "./harness.ts";

export function loansContract(store: StoreOf, options: Pick<ContractOptions, "gaps">): void {
  describe("loans", () => {
    it("Should create a loan with its generated schedule, then report an identical re-import unchanged", async () => {
      const borrower = await givenBorrower(store());
      const input = loanInput(borrower.id);
      const created = await store().loans.upsert(input);
      // The same rate spelled differently is the same loan.
      const again = await store().loans.upsert({
        ...input,
        terms: { ...input.terms, annualRate: parseRate("0.129900") },
      });

      expect(created.change).toBe("created");
      expect(created.loan).toEqual({
        id: expect.any(String),
        externalRef: input.externalRef,
        borrowerId: borrower.id,
        terms: input.terms,
        status: "active",
        schedule: generateSchedule(input.terms),
      });
      expect(again).toEqual({ loan: created.loan, change: "unchanged" });
      expect(await store().loans.byId(created.loan.id)).toEqual(created.loan);
      expect(await store().loans.byRef(input.externalRef)).toEqual(created.loan);
    });

    it("Should create one loan when the same new ref is upserted concurrently", async () => {
      const borrower = await givenBorrower(store());
      const input = loanInput(borrower.id);
      const results = await Promise.all([1, 2, 3].map(() => store().loans.upsert(input)));

      expect(results.map((r) => r.change).sort()).toEqual(["created", "unchanged", "unchanged"]);
      expect(new Set(results.map((r) => r.loan.id)).size).toBe(1);
      expect(await store().loans.forBorrower(borrower.id)).toHaveLength(1);
    });

    it("Should regenerate the schedule when the terms change", async () => {
      const loan = await givenLoan(store());
      const terms = termsOf({ termCount: 24, method: "equal-principal" });
      const updated = await store().loans.upsert({ ...loan, terms });

      expect(updated.change).toBe("updated");
      expect(updated.loan.schedule).toEqual(generateSchedule(terms));
      expect((await store().loans.byId(loan.id))?.schedule).toHaveLength(24);
    });

    it("Should keep the schedule when only the late-fee terms change", async () => {
      const loan = await givenLoan(store());
      const lateFee = { flat: usd("15.00"), graceDays: 3 };
      const updated = await store().loans.upsert({ ...loan, lateFee });

      expect(updated.change).toBe("updated");
      expect(updated.loan.lateFee).toEqual(lateFee);
      expect(updated.loan.schedule).toEqual(loan.schedule);
      expect((await store().loans.upsert({ ...loan, lateFee })).change).toBe("unchanged");
    });

    it("Should round-trip every optional term", async () => {
      const borrower = await givenBorrower(store());
      const input = loanInput(borrower.id, {
        terms: termsOf({
          termCount: 6,
          frequency: "biweekly",
          firstDueDate: "2026-02-01",
          interest: "flat",
          dayCount: "actual/365",
          graceOnPrincipal: 2,
          annualRate: parseRate("0.125"),
        }),
        lateFee: {
          flat: usd("15.00"),
          percent: parseRate("0.05"),
          graceDays: 5,
          cap: usd("60.00"),
        },
        status: "written_off",
      });
      const { loan } = await store().loans.upsert(input);

      expect(loan).toMatchObject({ ...input, status: "written_off" });
      expect(await store().loans.byId(loan.id)).toEqual(loan);
      expect(loan.terms.annualRate).toEqual(rate(1n, 8n));
    });

    it.skipIf(options.gaps?.rateCap !== undefined)("Should round-trip a rate cap", async () => {
      const loan = await givenLoan(store(), { rateCap: parseRate("0.36") });

      expect(loan.rateCap).toEqual(rate(9n, 25n));
      expect((await store().loans.byId(loan.id))?.rateCap).toEqual(rate(9n, 25n));
      expect((await store().loans.upsert({ ...loan, rateCap: parseRate("0.360") })).change).toBe(
        "unchanged",
      );
    });

    it("Should leave a status set by the lifecycle alone when a re-import omits it", async () => {
      const borrower = await givenBorrower(store());
      const input = loanInput(borrower.id);
      const { loan } = await store().loans.upsert(input);
      await store().loans.setStatus(loan.id, "paid_off");

      expect(await store().loans.upsert(input)).toEqual({
        loan: { ...loan, status: "paid_off" },
        change: "unchanged",
      });
      expect((await store().loans.upsert({ ...input, status: "active" })).change).toBe("updated");
    });

    it("Should keep nextNudgeAt across an update", async () => {
      const loan = await givenLoan(store());
      await store().loans.setNextNudgeAt(loan.id, "2026-03-01T09:00:00.000Z");
      const { loan: updated } = await store().loans.upsert({
        ...loan,
        terms: termsOf({ termCount: 18 }),
      });

      expect(updated.nextNudgeAt).toBe("2026-03-01T09:00:00.000Z");
    });

    it("Should refuse an unknown borrower, an inexact rate and unknown loans", async () => {
      const borrower = await givenBorrower(store());
      await expect(store().loans.upsert(loanInput(UNKNOWN_ID))).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
      const third = loanInput(borrower.id, { terms: termsOf({ annualRate: rate(1n, 3n) }) });
      await expect(store().loans.upsert(third)).rejects.toEqual(storeError("INVALID_RATE"));
      await expect(store().loans.setStatus(UNKNOWN_ID, "paid_off")).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
      await expect(store().loans.setNextNudgeAt(UNKNOWN_ID, undefined)).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
      expect(await store().loans.byId(UNKNOWN_ID)).toBeUndefined();
      expect(await store().loans.byRef(uniqueRef("L"))).toBeUndefined();
    });

    it("Should list a borrower's loans by ref", async () => {
      const borrower = await givenBorrower(store());
      const second = await givenLoan(store(), { borrowerId: borrower.id, externalRef: "LN-2" });
      const first = await givenLoan(store(), { borrowerId: borrower.id, externalRef: "LN-1" });
      await givenLoan(store());

      expect(await store().loans.forBorrower(borrower.id)).toEqual([first, second]);
      expect(await store().loans.forBorrower(UNKNOWN_ID)).toEqual([]);
    });

    it("Should set and clear nextNudgeAt, normalising the instant", async () => {
      const loan = await givenLoan(store());
      await store().loans.setNextNudgeAt(loan.id, "2026-03-01T18:00:00+08:00");
      expect((await store().loans.byId(loan.id))?.nextNudgeAt).toBe("2026-03-01T10:00:00.000Z");

      await store().loans.setNextNudgeAt(loan.id, undefined);
      expect((await store().loans.byId(loan.id))?.nextNudgeAt).toBeUndefined();
    });

    it("Should set and clear many loans' nextNudgeAt at once as setNextNudgeAt does, skipping unknown ids", async () => {
      const borrower = await givenBorrower(store());
      const loans: StoredLoan[] = [];
      for (let i = 0; i < 5; i++) loans.push(await givenLoan(store(), { borrowerId: borrower.id }));
      const [early, cleared, twice, untouched, single] = loans as [
        StoredLoan,
        StoredLoan,
        StoredLoan,
        StoredLoan,
        StoredLoan,
      ];
      for (const loan of loans) await store().loans.setNextNudgeAt(loan.id, "2026-03-01T00:00:00Z");
      await store().loans.setNextNudgeAt(single.id, "2026-03-02T18:00:00+08:00");

      const updated = await store().loans.setNextNudgeAtMany([
        { id: early.id, at: "2026-03-02T18:00:00+08:00" },
        { id: twice.id, at: "2026-03-05T10:00:00Z" },
        { id: UNKNOWN_ID, at: "2026-03-02T10:00:00Z" },
        { id: cleared.id },
        { id: twice.id, at: "2026-03-09T10:00:00.000Z" },
      ]);

      expect(updated).toBe(3);
      const nextOf = async (loan: StoredLoan) => (await store().loans.byId(loan.id))?.nextNudgeAt;
      expect(await nextOf(early)).toBe(await nextOf(single));
      expect(await nextOf(early)).toBe("2026-03-02T10:00:00.000Z");
      expect(await nextOf(cleared)).toBeUndefined();
      expect(await nextOf(twice)).toBe("2026-03-09T10:00:00.000Z");
      expect(await nextOf(untouched)).toBe("2026-03-01T00:00:00.000Z");
      expect(await store().loans.byId(UNKNOWN_ID)).toBeUndefined();
      expect(await store().loans.setNextNudgeAtMany([])).toBe(0);
    });

    it("Should write nothing of a batch of nextNudgeAt holding an instant that is not one", async () => {
      const loan = await givenLoan(store());
      await store().loans.setNextNudgeAt(loan.id, "2026-03-01T00:00:00Z");

      await expect(
        store().loans.setNextNudgeAtMany([
          { id: loan.id, at: "2026-03-02T00:00:00Z" },
          { id: loan.id, at: "tomorrow" },
        ]),
      ).rejects.toEqual(storeError("INVALID_INSTANT"));
      expect((await store().loans.byId(loan.id))?.nextNudgeAt).toBe("2026-03-01T00:00:00.000Z");
    });

    it("Should set nextNudgeAt across a batch bigger than one statement's chunk", async () => {
      const borrower = await givenBorrower(store());
      const first = await givenLoan(store(), { borrowerId: borrower.id });
      const last = await givenLoan(store(), { borrowerId: borrower.id });
      const filler = Array.from({ length: 1200 }, (_, i) => ({
        id: `${UNKNOWN_ID.slice(0, -4)}${String(i).padStart(4, "0")}`,
        at: "2026-03-02T10:00:00.000Z",
      }));
      const entries = [{ id: first.id, at: "2026-03-04T10:00:00.000Z" }, ...filler];
      entries.push({ id: last.id, at: "2026-03-05T10:00:00.000Z" });

      expect(await store().loans.setNextNudgeAtMany(entries)).toBe(2);
      expect((await store().loans.byId(first.id))?.nextNudgeAt).toBe("2026-03-04T10:00:00.000Z");
      expect((await store().loans.byId(last.id))?.nextNudgeAt).toBe("2026-03-05T10:00:00.000Z");
    });

    it("Should page through loans due for a nudge by (nextNudgeAt, id)", async () => {
      const borrower = await givenBorrower(store());
      const at = [
        "2026-03-01T08:00:00.000Z",
        "2026-03-01T09:00:00.000Z",
        "2026-03-01T09:00:00.000Z",
      ];
      const due = [];
      for (const instant of [...at, "2026-03-01T07:00:00.000Z", "2026-03-01T09:00:00.000Z"]) {
        const loan = await givenLoan(store(), { borrowerId: borrower.id });
        await store().loans.setNextNudgeAt(loan.id, instant);
        due.push({ id: loan.id, at: instant });
      }
      const later = await givenLoan(store(), { borrowerId: borrower.id });
      await store().loans.setNextNudgeAt(later.id, "2026-03-01T09:00:00.001Z");
      await givenLoan(store(), { borrowerId: borrower.id });
      const expected = due
        .sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1))
        .map((loan) => loan.id);

      const now = "2026-03-01T09:00:00.000Z";
      const pages: string[][] = [];
      let after: { at: string; id: string } | undefined;
      for (;;) {
        const page = await store().loans.dueForNudge(now, 2, after);
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(2);
        pages.push(page.map((loan) => loan.id));
        const last = page.at(-1);
        after = last && { at: last.nextNudgeAt as string, id: last.id };
      }

      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual(expected);
      expect(await store().loans.dueForNudge(now, 0)).toEqual([]);
      await expect(store().loans.dueForNudge(now, MAX_PAGE_SIZE + 1)).rejects.toEqual(
        storeError("INVALID_LIMIT"),
      );
    });

    it("Should page through active loans by id, leaving paid-off and written-off ones out", async () => {
      const borrower = await givenBorrower(store());
      const active: string[] = [];
      for (let n = 0; n < 5; n += 1) {
        active.push((await givenLoan(store(), { borrowerId: borrower.id })).id);
      }
      const paidOff = await givenLoan(store(), { borrowerId: borrower.id });
      await store().loans.setStatus(paidOff.id, "paid_off");
      await givenLoan(store(), { borrowerId: borrower.id, status: "written_off" });

      const pages: string[][] = [];
      let afterId: string | undefined;
      for (;;) {
        const page = await store().loans.listActive(2, afterId);
        if (page.length === 0) break;
        expect(page.every((loan) => loan.status === "active")).toBe(true);
        pages.push(page.map((loan) => loan.id));
        afterId = page.at(-1)?.id;
      }

      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual([...active].sort());
      const [first] = await store().loans.listActive(1);
      expect(first).toEqual(await store().loans.byId(first?.id ?? ""));
      expect(await store().loans.listActive(0)).toEqual([]);
      await expect(store().loans.listActive(MAX_PAGE_SIZE + 1)).rejects.toEqual(
        storeError("INVALID_LIMIT"),
      );
    });

    describe("upsertMany", () => {
      it("Should create loans in input order, each as a single upsert would, then report them unchanged", async () => {
        const borrower = await givenBorrower(store());
        const inputs = [
          loanInput(borrower.id),
          loanInput(borrower.id, { status: "written_off", rateCap: parseRate("0.36") }),
          loanInput(borrower.id, { terms: termsOf({ termCount: 6, frequency: "weekly" }) }),
        ];
        const created = await store().loans.upsertMany(inputs);

        expect(created.map((r) => [r.loan.externalRef, r.change])).toEqual(
          inputs.map((input) => [input.externalRef, "created"]),
        );
        for (const [i, input] of inputs.entries()) {
          const stored = await store().loans.byRef(input.externalRef);
          expect(stored?.id).toBe(created[i]?.loan.id);
          expect(stored).toEqual({
            id: expect.any(String),
            ...input,
            status: input.status ?? "active",
            schedule: generateSchedule(input.terms),
          });
          expect(await store().loans.upsert(input)).toEqual({ loan: stored, change: "unchanged" });
        }
        const again = await store().loans.upsertMany([...inputs].reverse());
        expect(again.map((r) => [r.loan.id, r.change])).toEqual(
          created.map((r) => [r.loan.id, "unchanged"]).reverse(),
        );
        expect(await store().loans.upsertMany([])).toEqual([]);
      });

      it("Should update changed terms with a new schedule, keep it for late-fee changes, and leave an omitted status alone", async () => {
        const borrower = await givenBorrower(store());
        const paidOff = await givenLoan(store(), { borrowerId: borrower.id });
        await store().loans.setStatus(paidOff.id, "paid_off");
        const retermed = await givenLoan(store(), { borrowerId: borrower.id });
        const refeed = await givenLoan(store(), { borrowerId: borrower.id });
        const fresh = loanInput(borrower.id);
        const terms = termsOf({ termCount: 24, method: "equal-principal" });
        const lateFee = { flat: usd("15.00"), graceDays: 3 };
        const strip = ({ id: _id, schedule: _s, status: _st, ...input }: StoredLoan) => input;

        const results = await store().loans.upsertMany([
          strip(paidOff),
          { ...strip(retermed), terms },
          fresh,
          { ...strip(refeed), lateFee },
        ]);

        expect(results.map((r) => r.change)).toEqual([
          "unchanged",
          "updated",
          "created",
          "updated",
        ]);
        expect(results.map((r) => r.loan.id).slice(0, 2)).toEqual([paidOff.id, retermed.id]);
        expect(results[3]?.loan.id).toBe(refeed.id);
        expect(await store().loans.byId(paidOff.id)).toEqual({ ...paidOff, status: "paid_off" });
        expect(await store().loans.byId(retermed.id)).toEqual({
          ...retermed,
          terms,
          schedule: generateSchedule(terms),
        });
        expect(await store().loans.byId(refeed.id)).toEqual({ ...refeed, lateFee });
        expect((await store().loans.byRef(fresh.externalRef))?.id).toBe(results[2]?.loan.id);
      });

      it("Should refuse a ref twice in one batch, or an unknown borrower, and write nothing", async () => {
        const borrower = await givenBorrower(store());
        const first = loanInput(borrower.id);
        const twice = loanInput(borrower.id);

        await expect(
          store().loans.upsertMany([first, twice, { ...twice, terms: termsOf({ termCount: 6 }) }]),
        ).rejects.toEqual(storeError("CONFLICT", { externalRef: twice.externalRef }));
        await expect(store().loans.upsertMany([loanInput(UNKNOWN_ID)])).rejects.toEqual(
          storeError("NOT_FOUND", { kind: "borrower" }),
        );
        expect(await store().loans.byRef(first.externalRef)).toBeUndefined();
      });

      it("Should create one loan when a single upsert races a batch for the same new ref", async () => {
        const borrower = await givenBorrower(store());
        const input = loanInput(borrower.id);
        const other = loanInput(borrower.id);
        const [batch, single] = await Promise.all([
          store().loans.upsertMany([other, input]),
          store().loans.upsert(input),
        ]);

        expect([batch[1]?.change, single.change].sort()).toEqual(["created", "unchanged"]);
        expect(batch[1]?.loan.id).toBe(single.loan.id);
        expect(await store().loans.forBorrower(borrower.id)).toHaveLength(2);
      });
    });
  });
}
