// IdentityStore and LinkCodeStore contract: binding chat accounts, single-use link codes.
import { describe, expect, it } from "vitest";
import { givenBorrower, uniqueRef } from "../../helpers/builders.ts";
import { eachOf, storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const VERIFIED = "2026-03-01T10:00:00.000Z";
const NOW = "2026-03-01T10:00:00.000Z";
const IN_AN_HOUR = "2026-03-01T11:00:00.000Z";

export function identitiesContract(store: StoreOf): void {
  describe("identities", () => {
    it("Should bind a chat account and find it by channel id and by borrower", async () => {
      const borrower = await givenBorrower(store());
      const identity = {
        channel: "telegram" as const,
        externalId: uniqueRef("tg"),
        borrowerId: borrower.id,
        verifiedAt: VERIFIED,
      };

      expect(await store().identities.bind(identity)).toEqual(identity);
      expect(await store().identities.find("telegram", identity.externalId)).toEqual(identity);
      expect(await store().identities.find("console", identity.externalId)).toBeUndefined();
      expect(await store().identities.forBorrower(borrower.id)).toEqual([identity]);
    });

    it("Should move an account to the borrower it is bound to again", async () => {
      const first = await givenBorrower(store());
      const second = await givenBorrower(store());
      const externalId = uniqueRef("tg");
      await store().identities.bind({
        channel: "telegram",
        externalId,
        borrowerId: first.id,
        verifiedAt: VERIFIED,
      });
      const rebound = await store().identities.bind({
        channel: "telegram",
        externalId,
        borrowerId: second.id,
        verifiedAt: IN_AN_HOUR,
      });

      expect(await store().identities.find("telegram", externalId)).toEqual(rebound);
      expect(rebound.borrowerId).toBe(second.id);
      expect(await store().identities.forBorrower(first.id)).toEqual([]);
      expect(await store().identities.forBorrower(second.id)).toEqual([rebound]);
    });

    it("Should read many borrowers' chat accounts at once, each as forBorrower lists them", async () => {
      const linked = await givenBorrower(store());
      const single = await givenBorrower(store());
      const unlinked = await givenBorrower(store());
      const bind = (borrowerId: string, channel: "telegram" | "console", externalId: string) =>
        store().identities.bind({ channel, externalId, borrowerId, verifiedAt: VERIFIED });
      await bind(linked.id, "telegram", uniqueRef("tg"));
      await bind(single.id, "telegram", uniqueRef("tg"));
      await bind(linked.id, "console", uniqueRef("c"));
      await bind(linked.id, "telegram", uniqueRef("tg"));
      const ids = [unlinked.id, linked.id, UNKNOWN_ID, single.id];

      const read = await store().identities.forBorrowers(ids);

      expect(read).toEqual(await eachOf(ids, (id) => store().identities.forBorrower(id)));
      expect(read.get(linked.id)).toHaveLength(3);
      expect(read.get(unlinked.id)).toEqual([]);
      expect(read.get(UNKNOWN_ID)).toEqual([]);
      expect(await store().identities.forBorrowers([])).toEqual(new Map());
    });

    it("Should refuse to bind to an unknown borrower", async () => {
      await expect(
        store().identities.bind({
          channel: "console",
          externalId: uniqueRef("c"),
          borrowerId: UNKNOWN_ID,
          verifiedAt: VERIFIED,
        }),
      ).rejects.toEqual(storeError("NOT_FOUND"));
    });
  });

  describe("link codes", () => {
    it("Should consume a code once", async () => {
      const borrower = await givenBorrower(store());
      const hash = uniqueRef("hash");
      await store().linkCodes.issue(borrower.id, hash, IN_AN_HOUR);

      expect(await store().linkCodes.consume(hash, NOW)).toBe(borrower.id);
      expect(await store().linkCodes.consume(hash, NOW)).toBeUndefined();
    });

    it("Should hand a code to exactly one of three concurrent consumers", async () => {
      const borrower = await givenBorrower(store());
      const hash = uniqueRef("hash");
      await store().linkCodes.issue(borrower.id, hash, IN_AN_HOUR);
      const results = await Promise.all([1, 2, 3].map(() => store().linkCodes.consume(hash, NOW)));

      expect(results.filter((result) => result === borrower.id)).toHaveLength(1);
      expect(results.filter((result) => result === undefined)).toHaveLength(2);
    });

    it("Should refuse an expired or unknown code", async () => {
      const borrower = await givenBorrower(store());
      const hash = uniqueRef("hash");
      await store().linkCodes.issue(borrower.id, hash, NOW);

      expect(await store().linkCodes.consume(hash, NOW)).toBeUndefined();
      expect(await store().linkCodes.consume(hash, "2026-03-01T09:59:59.999Z")).toBe(borrower.id);
      expect(await store().linkCodes.consume(uniqueRef("hash"), NOW)).toBeUndefined();
    });

    it("Should refuse a code hash issued twice, and a code for an unknown borrower", async () => {
      const borrower = await givenBorrower(store());
      const hash = uniqueRef("hash");
      await store().linkCodes.issue(borrower.id, hash, IN_AN_HOUR);

      await expect(store().linkCodes.issue(borrower.id, hash, IN_AN_HOUR)).rejects.toEqual(
        storeError("CONFLICT"),
      );
      await expect(
        store().linkCodes.issue(UNKNOWN_ID, uniqueRef("hash"), IN_AN_HOUR),
      ).rejects.toEqual(storeError("NOT_FOUND"));
    });
  });
}
