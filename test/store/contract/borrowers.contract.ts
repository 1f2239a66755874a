// BorrowerStore contract: upserts by external ref that report their change, lookups, search.
import { describe, expect, it } from "vitest";
import type { BorrowerInput } from "../../../core/ports/borrowers.ts";
import { borrowerInput, givenBorrower, uniqueRef } from "../../helpers/builders.ts";
import { eachOf, storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

export function borrowersContract(store: StoreOf): void {
  describe("borrowers", () => {
    it("Should create, then report unchanged for the same input and updated for a new name", async () => {
      const input = borrowerInput({
        name: "Mei Chen",
        phone: "+447700900123",
        timeZone: "Europe/London",
      });
      const created = await store().borrowers.upsert(input);
      const again = await store().borrowers.upsert(input);
      const renamed = await store().borrowers.upsert({ ...input, name: "Chen Mei" });

      expect(created.change).toBe("created");
      expect(created.borrower).toEqual({
        id: expect.any(String),
        externalRef: input.externalRef,
        name: "Mei Chen",
        phone: "+447700900123",
        locale: "en",
        timeZone: "Europe/London",
        flags: { deceased: false, bankruptcy: false, hardship: false },
      });
      expect(again).toEqual({ borrower: created.borrower, change: "unchanged" });
      expect(renamed.change).toBe("updated");
      expect(renamed.borrower).toEqual({ ...created.borrower, name: "Chen Mei" });
      expect(renamed.before).toEqual(created.borrower);
      expect(await store().borrowers.byRef(input.externalRef)).toEqual(renamed.borrower);
      expect(await store().borrowers.byId(created.borrower.id)).toEqual(renamed.borrower);
    });

    it("Should create one borrower when the same new ref is upserted concurrently", async () => {
      const input = borrowerInput();
      const results = await Promise.all([1, 2, 3].map(() => store().borrowers.upsert(input)));

      expect(results.map((r) => r.change).sort()).toEqual(["created", "unchanged", "unchanged"]);
      expect(new Set(results.map((r) => r.borrower.id)).size).toBe(1);
    });

    it("Should keep flags a re-import leaves out, and drop a phone it leaves out", async () => {
      const input = borrowerInput({
        locale: "zh-CN",
        timeZone: "Asia/Shanghai",
        phone: "+447700900123",
      });
      const { borrower } = await store().borrowers.upsert(input);
      await store().borrowers.setFlags(borrower.id, { deceased: true });

      expect((await store().borrowers.upsert(input)).change).toBe("unchanged");
      const flagged = await store().borrowers.upsert({ ...input, flags: { hardship: true } });
      expect(flagged.change).toBe("updated");
      expect(flagged.borrower.flags).toEqual({ deceased: true, bankruptcy: false, hardship: true });

      const { phone: _phone, ...withoutPhone } = input;
      const dropped = await store().borrowers.upsert(withoutPhone);
      expect(dropped.change).toBe("updated");
      expect(dropped.borrower.phone).toBeUndefined();
      expect(dropped.borrower.locale).toBe("zh-CN");
    });

    it("Should answer undefined for unknown ids and refs", async () => {
      expect(await store().borrowers.byId(UNKNOWN_ID)).toBeUndefined();
      expect(await store().borrowers.byRef(uniqueRef("nobody"))).toBeUndefined();
    });

    it("Should read many borrowers by id at once as byId reads each, leaving unknown ids out", async () => {
      const first = await givenBorrower(store());
      const flagged = await store().borrowers.setFlags((await givenBorrower(store())).id, {
        hardship: true,
      });
      await givenBorrower(store());
      const ids = [flagged.id, UNKNOWN_ID, first.id, flagged.id];

      const found = await store().borrowers.byIds(ids);

      expect(found).toEqual(await eachOf(ids, (id) => store().borrowers.byId(id)));
      expect([...found.keys()].sort()).toEqual([first.id, flagged.id].sort());
      expect(await store().borrowers.byIds([])).toEqual(new Map());
    });

    it("Should merge flags and refuse an unknown borrower", async () => {
      const borrower = await givenBorrower(store());
      const once = await store().borrowers.setFlags(borrower.id, { bankruptcy: true });
      const twice = await store().borrowers.setFlags(borrower.id, { hardship: true });

      expect(once.flags).toEqual({ deceased: false, bankruptcy: true, hardship: false });
      expect(twice).toEqual({
        ...borrower,
        flags: { deceased: false, bankruptcy: true, hardship: true },
      });
      expect((await store().borrowers.byId(borrower.id))?.flags).toEqual(twice.flags);
      await expect(store().borrowers.setFlags(UNKNOWN_ID, { hardship: true })).rejects.toEqual(
        storeError("NOT_FOUND"),
      );
    });

    describe("search", () => {
      it("Should find by ref or name, case-insensitively, ordered by ref", async () => {
        const a = await givenBorrower(store(), { externalRef: "CUST-1001", name: "Ana Lima" });
        const b = await givenBorrower(store(), { externalRef: "CUST-1002", name: "Bruno Costa" });
        await givenBorrower(store(), { externalRef: "OTHER-1", name: "Zhang Wei" });

        expect(await store().borrowers.search("cust-100", 10)).toEqual([a, b]);
        expect(await store().borrowers.search("COSTA", 10)).toEqual([b]);
        expect(await store().borrowers.search("  ana  ", 10)).toEqual([a]);
        expect(await store().borrowers.search("cust", 1)).toEqual([a]);
      });

      it("Should find by the last four digits of a phone number", async () => {
        const a = await givenBorrower(store(), { externalRef: "P-1", phone: "+447700900123" });
        await givenBorrower(store(), { externalRef: "P-2", phone: "+447700900999" });
        await givenBorrower(store(), { externalRef: "P-3", phone: undefined });

        expect(await store().borrowers.search("0123", 10)).toEqual([a]);
        expect(await store().borrowers.search("900 123", 10)).toEqual([a]);
      });

      it("Should treat % and _ literally and match nobody for a blank query", async () => {
        const odd = await givenBorrower(store(), { externalRef: "W-1", name: "100% Jo_e" });
        await givenBorrower(store(), { externalRef: "W-2", name: "100 Joxe" });

        expect(await store().borrowers.search("100%", 10)).toEqual([odd]);
        expect(await store().borrowers.search("jo_e", 10)).toEqual([odd]);
        expect(await store().borrowers.search("   ", 10)).toEqual([]);
        expect(await store().borrowers.search("w-", 0)).toEqual([]);
      });
    });

    describe("upsertMany", () => {
      it("Should create in input order, then report unchanged for the same inputs and updated for a changed one", async () => {
        // Quotes, braces, commas and backslashes survive the bulk path's array literals.
        const odd = `Ann "Nan" O'Neil, {Jr.} \\ NULL`;
        const inputs = [
          borrowerInput({ name: odd }),
          borrowerInput({ phone: undefined }),
          borrowerInput({ phone: "+447700900123" }),
        ];
        const created = await store().borrowers.upsertMany(inputs);
        const [a, b, c] = inputs as [BorrowerInput, BorrowerInput, BorrowerInput];

        expect(created.map((r) => [r.borrower.externalRef, r.change])).toEqual(
          inputs.map((input) => [input.externalRef, "created"]),
        );
        for (const { borrower } of created) {
          expect(await store().borrowers.byId(borrower.id)).toEqual(borrower);
        }
        const again = await store().borrowers.upsertMany([c, a, { ...b, name: "Chen Mei" }]);
        expect(again.map((r) => r.change)).toEqual(["unchanged", "unchanged", "updated"]);
        expect(again[0]?.borrower).toEqual(created[2]?.borrower);
        expect(again[2]?.borrower).toEqual({ ...created[1]?.borrower, name: "Chen Mei" });
        expect(again[2]?.before).toEqual(created[1]?.borrower);
        expect(again[0]?.before).toBeUndefined();
        expect(await store().borrowers.byRef(b.externalRef)).toEqual(again[2]?.borrower);
        expect(await store().borrowers.upsertMany([])).toEqual([]);
      });

      it("Should decide as a single upsert would, keeping flags a re-import leaves out", async () => {
        const input = borrowerInput();
        const { borrower } = await store().borrowers.upsert(input);
        await store().borrowers.setFlags(borrower.id, { deceased: true });
        const [result] = await store().borrowers.upsertMany([input]);

        expect(result).toEqual({
          borrower: { ...borrower, flags: { ...borrower.flags, deceased: true } },
          change: "unchanged",
        });
        expect(await store().borrowers.upsert(input)).toEqual(result);
      });

      it("Should refuse a ref twice in one batch and write nothing", async () => {
        const input = borrowerInput();
        const other = borrowerInput();

        await expect(
          store().borrowers.upsertMany([other, input, { ...input, name: "Chen Mei" }]),
        ).rejects.toEqual(storeError("CONFLICT", { externalRef: input.externalRef }));
        expect(await store().borrowers.byRef(other.externalRef)).toBeUndefined();
      });
    });
  });
}
