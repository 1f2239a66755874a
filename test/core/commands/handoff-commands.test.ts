// Claiming and releasing a handoff: one agent holds it, only they release it, each change audited.
import { describe, expect, it } from "vitest";
import { claimHandoff, releaseHandoff } from "../../../core/commands/index.ts";
import { createMemoryStore } from "../../../core/memory/index.ts";
import { AGENT, AT, givenLateBorrower, refusal } from "./command-builders.ts";

const OTHER = "agent:U0OTHER";

async function openHandoff() {
  const store = createMemoryStore({ clock: () => AT });
  const { borrower } = await givenLateBorrower(store);
  const { handoff } = await store.handoffs.open(borrower.id, "human_agent", AT);
  const claim = (actor: string) =>
    claimHandoff(store, {
      handoffId: handoff.id,
      thread: { channel: "C1", ts: "171.1" },
      actor,
      at: AT,
    });
  const release = (actor: string) =>
    releaseHandoff(store, { handoffId: handoff.id, actor, at: AT });
  return { store, borrower, handoff, claim, release };
}

describe("claimHandoff", () => {
  it("gives the handoff to the first agent, with its thread, and audits open to claimed", async () => {
    const { store, borrower, claim } = await openHandoff();
    const { handoff } = await claim(AGENT);
    expect(handoff).toMatchObject({ status: "claimed", claimedBy: AGENT, slackThreadTs: "171.1" });
    await expect(claim(OTHER)).rejects.toEqual(refusal("HANDOFF_TAKEN"));
    const entries = await store.audit.forSubject(`borrower:${borrower.id}`, 10);
    expect(entries).toMatchObject([
      {
        actor: AGENT,
        action: "handoff.claimed",
        payload: { before: { status: "open" }, after: { status: "claimed" } },
      },
    ]);
  });
});

describe("releaseHandoff", () => {
  it("lets only the claiming agent release, once", async () => {
    const { store, borrower, claim, release } = await openHandoff();
    await claim(AGENT);
    await expect(release(OTHER)).rejects.toEqual(
      expect.objectContaining({
        code: "HANDOFF_NOT_CLAIMER",
        details: expect.objectContaining({ claimedBy: AGENT }),
      }),
    );
    expect(await store.handoffs.active(borrower.id)).toMatchObject({ status: "claimed" });
    await release(AGENT);
    expect(await store.handoffs.active(borrower.id)).toBeUndefined();
    await expect(release(AGENT)).rejects.toEqual(refusal("HANDOFF_NOT_ACTIVE"));
    const actions = (await store.audit.forSubject(`borrower:${borrower.id}`, 10)).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["handoff.released", "handoff.claimed"]);
  });
});
