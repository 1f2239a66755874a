// ContactPointStore and ConsentLog contract: preferences per borrower, consent events append-only.
import { describe, expect, it } from "vitest";
import { recordConsent, smsConsent } from "../../../core/channels/index.ts";
import { givenBorrower, uniqueRef } from "../../helpers/builders.ts";
import { eachOf, storeError, UNKNOWN_ID } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const NOW = "2026-03-01T10:00:00.000Z";
const LATER = "2026-03-01T11:00:00.000Z";

export function contactPointsContract(store: StoreOf): void {
  describe("contact points", () => {
    it("Should keep email, preferred channel and fallback order, and change only what is given", async () => {
      const borrower = await givenBorrower(store());
      expect(await store().contactPoints.get(borrower.id)).toBeUndefined();

      const set = await store().contactPoints.set(borrower.id, {
        email: "mei@example.com",
        preferredChannel: "sms",
        fallbackOrder: ["email", "telegram"],
      });
      expect(set).toEqual({
        borrowerId: borrower.id,
        email: "mei@example.com",
        preferredChannel: "sms",
        fallbackOrder: ["email", "telegram"],
      });
      const cleared = await store().contactPoints.set(borrower.id, { preferredChannel: null });
      expect(cleared).toEqual({
        borrowerId: borrower.id,
        email: "mei@example.com",
        fallbackOrder: ["email", "telegram"],
      });
      expect(await store().contactPoints.get(borrower.id)).toEqual(cleared);
    });

    it("Should read many borrowers' preferences at once, leaving out those with none", async () => {
      const a = await givenBorrower(store());
      const b = await givenBorrower(store());
      await store().contactPoints.set(a.id, { email: "a@example.com" });
      const read = await store().contactPoints.forBorrowers([a.id, b.id, UNKNOWN_ID]);
      expect([...read.keys()]).toEqual([a.id]);
      expect(read.get(a.id)?.email).toBe("a@example.com");
      expect(await store().contactPoints.forBorrowers([])).toEqual(new Map());
    });

    it("Should refuse preferences for an unknown borrower with NOT_FOUND", async () => {
      await expect(
        store().contactPoints.set(UNKNOWN_ID, { email: "x@example.com" }),
      ).rejects.toEqual(storeError("NOT_FOUND", { kind: "borrower" }));
    });

    it("Should find borrowers by the exact phone number on record", async () => {
      const phone = `+44770090${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
      const mine = await givenBorrower(store(), { phone });
      await givenBorrower(store(), { phone: "+15550000000" });
      expect(await store().contactPoints.borrowersByPhone(phone)).toEqual([mine.id]);
      expect(await store().contactPoints.borrowersByPhone("+10000000000")).toEqual([]);
    });
  });

  describe("consent log", () => {
    it("Should append events with their source, address and text version, oldest first", async () => {
      const borrower = await givenBorrower(store());
      const later = await store().consent.append({
        borrowerId: borrower.id,
        channel: "sms",
        kind: "opt_out",
        source: "sms:STOP",
        address: "+447700900123",
        at: LATER,
      });
      const first = await store().consent.append({
        borrowerId: borrower.id,
        channel: "sms",
        kind: "opt_in",
        source: "import",
        address: "+447700900123",
        textVersion: "sms-consent-v2",
        at: "2026-03-01T10:00:00Z",
      });
      expect(first).toMatchObject({ at: NOW, textVersion: "sms-consent-v2", source: "import" });
      expect(await store().consent.forBorrower(borrower.id)).toEqual([first, later]);
    });

    it("Should read many borrowers' events at once, each as forBorrower lists them", async () => {
      const a = await givenBorrower(store());
      const b = await givenBorrower(store());
      await store().consent.append({
        borrowerId: a.id,
        channel: "email",
        kind: "opt_out",
        source: "email:unsubscribe",
        at: NOW,
      });
      const ids = [b.id, a.id, UNKNOWN_ID];
      const read = await store().consent.forBorrowers(ids);
      expect(read).toEqual(await eachOf(ids, (id) => store().consent.forBorrower(id)));
      expect(read.get(b.id)).toEqual([]);
    });

    it("Should refuse an event for an unknown borrower with NOT_FOUND", async () => {
      const event = { channel: "sms", kind: "opt_in", source: "api", at: NOW } as const;
      await expect(store().consent.append({ borrowerId: UNKNOWN_ID, ...event })).rejects.toEqual(
        storeError("NOT_FOUND", { kind: "borrower" }),
      );
    });

    it("Should stop SMS at once on an opt-out and resume on an opt-in, other channels untouched", async () => {
      const phone = "+447700900123";
      const borrower = await givenBorrower(store(), { externalRef: uniqueRef("B"), phone });
      const event = { borrowerId: borrower.id, channel: "sms", address: phone } as const;
      await recordConsent(store(), { ...event, kind: "opt_in", source: "import", at: NOW });
      await recordConsent(store(), { ...event, kind: "opt_out", source: "sms:STOP", at: NOW });
      expect(await store().contact.optedOutChannels(borrower.id)).toEqual(["sms"]);
      expect(smsConsent(await store().consent.forBorrower(borrower.id), phone)).toBe("opted_out");

      await recordConsent(store(), { ...event, kind: "opt_in", source: "sms:START", at: LATER });
      expect(await store().contact.optedOutChannels(borrower.id)).toEqual([]);
      expect(smsConsent(await store().consent.forBorrower(borrower.id), phone)).toBe("granted");
    });
  });
}
