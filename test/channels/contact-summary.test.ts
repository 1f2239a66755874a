// `repay consent`'s summary: each channel's state and the consent record, in time order.
import { describe, expect, it } from "vitest";
import { contactSummary, formatContactSummary } from "../../bots/channels/contact-summary.ts";
import { recordConsent } from "../../core/channels/index.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import { borrowerInput } from "../helpers/builders.ts";

const OLD = "+447700900123";
const NEW = "+447700900999";

describe("contact summary", () => {
  it("Should show the SMS consent lost with a changed phone, and every event in order", async () => {
    const store = createMemoryStore({ clock: () => "2026-03-01T10:00:00.000Z" });
    const input = borrowerInput({
      externalRef: "B-1",
      name: "Mei Chen",
      phone: OLD,
      timeZone: "Europe/London",
    });
    const { borrower } = await store.borrowers.upsert(input);
    await store.contactPoints.set(borrower.id, {
      email: "mei@example.com",
      preferredChannel: "sms",
      fallbackOrder: ["email"],
    });
    await recordConsent(store, {
      borrowerId: borrower.id,
      channel: "sms",
      kind: "opt_in",
      source: "import",
      address: OLD,
      textVersion: "sms-v1",
      at: "2026-03-01T09:00:00.000Z",
    });
    const before = await contactSummary(store, "B-1");
    expect(before?.channels.find((c) => c.channel === "sms")?.status).toBe("usable");

    await store.borrowers.upsert({ ...input, phone: NEW });
    await recordConsent(store, {
      borrowerId: borrower.id,
      channel: "sms",
      kind: "address_changed",
      source: "api",
      address: NEW,
      at: "2026-03-02T09:00:00.000Z",
    });
    const after = await contactSummary(store, "B-1");
    expect(after?.channels.map((c) => [c.channel, c.status])).toEqual([
      ["telegram", "no_address"],
      ["sms", "not_given"],
      ["email", "usable"],
    ]);
    const text = formatContactSummary(after as NonNullable<typeof after>);
    expect(text).toContain("order    sms > email");
    const record = text.split("Record:\n")[1]?.trim().split("\n") ?? [];
    expect(record).toHaveLength(2);
    expect(record[0]).toMatch(
      /2026-03-01T09:00:00.000Z\s+sms\s+opt_in\s+by import \+447700900123 text sms-v1/,
    );
    expect(record[1]).toMatch(
      /2026-03-02T09:00:00.000Z\s+sms\s+address_changed\s+by api \+447700900999/,
    );
    expect(await contactSummary(store, "B-404")).toBeUndefined();
  });
});
