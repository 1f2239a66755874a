// Linking a chat and lifting "unreachable": a code links once, a phone links only a single match, a written message revives the channel.
import { describe, expect, it } from "vitest";
import {
  issueLinkCode,
  liftUnreachable,
  linkByCode,
  linkByPhone,
} from "../../../core/commands/index.ts";
import { createMemoryStore } from "../../../core/memory/index.ts";
import { AGENT, AT, givenLateBorrower, refusal } from "./command-builders.ts";

const hash = (code: string) => `hash:${code.toUpperCase()}`;
const chat = (externalId: string) =>
  ({ channel: "telegram", externalId, actor: "telegram", at: AT }) as const;

describe("linkByCode", () => {
  it("links the chat with a code issued by an agent, once, and audits both without the code", async () => {
    const store = createMemoryStore({ clock: () => AT });
    const { borrower } = await givenLateBorrower(store);
    await issueLinkCode(store, {
      borrowerId: borrower.id,
      codeHash: hash("K7Q2-MX"),
      expiresAt: "2026-04-02T14:00:00.000Z",
      actor: AGENT,
      at: AT,
    });
    expect((await linkByCode(store, chat("4242"), "k7q2-mx", hash)).id).toBe(borrower.id);
    await expect(linkByCode(store, chat("4343"), "k7q2-mx", hash)).rejects.toEqual(
      refusal("LINK_CODE_REFUSED"),
    );
    expect(await store.identities.forBorrower(borrower.id)).toMatchObject([{ externalId: "4242" }]);
    const entries = await store.audit.forSubject(`borrower:${borrower.id}`, 10);
    expect(entries.map((e) => e.action)).toEqual(["identity.linked", "link_code.issued"]);
    expect(JSON.stringify(entries)).not.toContain("K7Q2");
  });

  it("refuses a malformed code before reading anything", async () => {
    const store = createMemoryStore();
    await expect(linkByCode(store, chat("1"), "a b", hash)).rejects.toEqual(
      refusal("LINK_CODE_REFUSED"),
    );
  });
});

describe("linkByPhone", () => {
  it("links only when exactly one borrower has the number", async () => {
    const store = createMemoryStore({ clock: () => AT });
    const { borrower } = await givenLateBorrower(store, { phone: "+447700900123" });
    await givenLateBorrower(store, { phone: "+447700900999" });
    expect((await linkByPhone(store, chat("77"), "44 7700 900123")).id).toBe(borrower.id);
    await givenLateBorrower(store, { phone: "+447700900555" });
    await givenLateBorrower(store, { phone: "+447700900555" });
    await expect(linkByPhone(store, chat("78"), "+447700900555")).rejects.toEqual(
      refusal("PHONE_NOT_MATCHED"),
    );
  });
});

describe("liftUnreachable", () => {
  it("lifts the nudger's unreachable pause on the channel the borrower wrote on, and audits it", async () => {
    const store = createMemoryStore({ clock: () => AT });
    const { borrower } = await givenLateBorrower(store);
    await store.contact.pause({
      borrowerId: borrower.id,
      reason: "unreachable",
      createdBy: "nudger:sms",
    });
    const dead = await store.contact.pause({
      borrowerId: borrower.id,
      reason: "unreachable",
      createdBy: "nudger:telegram",
    });
    const lifted = await liftUnreachable(store, {
      borrowerId: borrower.id,
      channel: "telegram",
      at: AT,
    });
    expect(lifted.map((p) => p.id)).toEqual([dead.id]);
    expect((await store.contact.activePauses(borrower.id, AT)).map((p) => p.createdBy)).toEqual([
      "nudger:sms",
    ]);
    expect(await store.audit.forSubject(`borrower:${borrower.id}`, 10)).toMatchObject([
      {
        actor: "telegram",
        action: "channel.reachable",
        payload: { channel: "telegram", pause: dead.id },
      },
    ]);
    expect(
      await liftUnreachable(store, { borrowerId: borrower.id, channel: "telegram", at: AT }),
    ).toEqual([]);
  });

  it("decides on the active pauses the caller read when given, and lifts only what is still active", async () => {
    const store = createMemoryStore({ clock: () => AT });
    const { borrower } = await givenLateBorrower(store);
    const dead = await store.contact.pause({
      borrowerId: borrower.id,
      reason: "unreachable",
      createdBy: "nudger:telegram",
    });
    const turn = { borrowerId: borrower.id, channel: "telegram" as const, at: AT };
    // Read a moment ago: no pause then. Nothing is read again, nothing lifted.
    expect(await liftUnreachable(store, { ...turn, activePauses: [] })).toEqual([]);
    expect(await store.contact.activePauses(borrower.id, AT)).toEqual([dead]);

    const lifted = await liftUnreachable(store, { ...turn, activePauses: [dead] });
    expect(lifted.map((p) => p.id)).toEqual([dead.id]);
    expect(await store.contact.activePauses(borrower.id, AT)).toEqual([]);
    // A stale read naming a pause lifted since: the lift re-reads and finds nothing to do.
    expect(await liftUnreachable(store, { ...turn, activePauses: [dead] })).toEqual([]);
  });
});
