// Pause, resume, dispute and note: each written with its audit entry, refused with a code and nothing written.
import { describe, expect, it } from "vitest";
import { addNote, markDispute, pauseNudges, resumeNudges } from "../../../core/commands/index.ts";
import { createMemoryStore } from "../../../core/memory/index.ts";
import type { PauseReason } from "../../../core/ports/index.ts";
import { AGENT, AT, givenLateBorrower, refusal, writtenAbout } from "./command-builders.ts";

async function borrower() {
  const store = createMemoryStore({ clock: () => AT });
  const given = await givenLateBorrower(store);
  return { store, ...given };
}

describe("pauseNudges", () => {
  it("pauses for seven days and audits the active pauses before and after", async () => {
    const { store, borrower: b } = await borrower();
    const { pause } = await pauseNudges(store, {
      borrowerId: b.id,
      reason: "hardship",
      days: 7,
      why: "lost job",
      actor: AGENT,
      at: AT,
    });
    expect(pause).toMatchObject({
      reason: "hardship",
      until: "2026-04-08T14:00:00.000Z",
      createdBy: AGENT,
    });
    const [entry] = await store.audit.forSubject(`borrower:${b.id}`, 1);
    expect(entry).toMatchObject({
      actor: AGENT,
      action: "pause.created",
      payload: {
        why: "lost job",
        before: [],
        after: [{ id: pause.id, reason: "hardship", until: "2026-04-08T14:00:00.000Z" }],
        pauseId: pause.id,
      },
    });
  });

  it("refuses a reason only the product sets, or a negative duration, and writes nothing", async () => {
    const { store, borrower: b } = await borrower();
    const before = await writtenAbout(store, b.id);
    const pause = (reason: PauseReason, days: number) =>
      pauseNudges(store, { borrowerId: b.id, reason, days, actor: AGENT, at: AT });
    await expect(pause("unreachable", 7)).rejects.toEqual(refusal("INVALID_PAUSE"));
    await expect(pause("agent_hold", -1)).rejects.toEqual(refusal("INVALID_PAUSE"));
    expect(await writtenAbout(store, b.id)).toEqual(before);
  });

  it("refuses an unknown borrower with BORROWER_NOT_FOUND", async () => {
    const store = createMemoryStore();
    await expect(
      pauseNudges(store, {
        borrowerId: "nobody",
        reason: "agent_hold",
        days: 0,
        actor: AGENT,
        at: AT,
      }),
    ).rejects.toEqual(refusal("BORROWER_NOT_FOUND"));
  });
});

describe("resumeNudges", () => {
  it("lifts the manual pauses and leaves the borrower's own promise pause", async () => {
    const { store, borrower: b, loan } = await borrower();
    await store.contact.pause({ borrowerId: b.id, reason: "agent_hold", createdBy: AGENT });
    await store.contact.pause({
      borrowerId: b.id,
      loanId: loan.id,
      reason: "promise",
      until: "2026-04-10T00:00:00.000Z",
      createdBy: "assistant",
    });
    const { lifted } = await resumeNudges(store, { borrowerId: b.id, actor: AGENT, at: AT });
    expect(lifted.map((p) => p.reason)).toEqual(["agent_hold"]);
    expect((await store.contact.activePauses(b.id, AT)).map((p) => p.reason)).toEqual(["promise"]);
    const [entry] = await store.audit.forSubject(`borrower:${b.id}`, 1);
    expect(entry).toMatchObject({
      action: "pause.lifted",
      payload: {
        before: [{ reason: "agent_hold" }, { reason: "promise" }],
        after: [{ reason: "promise" }],
      },
    });
  });
});

describe("markDispute", () => {
  it("pauses reminders until lifted, opens a dispute handoff, and audits both", async () => {
    const { store, borrower: b } = await borrower();
    const result = await markDispute(store, {
      borrowerId: b.id,
      why: "paid in cash at the branch",
      actor: AGENT,
      at: AT,
    });
    expect(result).toMatchObject({ handoffCreated: true, pause: { reason: "dispute" } });
    expect(result.pause.until).toBeUndefined();
    expect(await store.handoffs.active(b.id)).toMatchObject({ status: "open", reason: "dispute" });
    const [entry] = await store.audit.forSubject(`borrower:${b.id}`, 1);
    expect(entry).toMatchObject({
      action: "dispute.marked",
      payload: { why: "paid in cash at the branch", before: [], after: [{ reason: "dispute" }] },
    });
  });

  it("refuses a dispute that does not say what is disputed, and writes nothing", async () => {
    const { store, borrower: b } = await borrower();
    const before = await writtenAbout(store, b.id);
    await expect(
      markDispute(store, { borrowerId: b.id, why: " ", actor: AGENT, at: AT }),
    ).rejects.toEqual(refusal("REASON_REQUIRED"));
    expect(await writtenAbout(store, b.id)).toEqual(before);
  });
});

describe("addNote", () => {
  it("keeps the note in the audit log and refuses an empty one", async () => {
    const { store, borrower: b } = await borrower();
    await addNote(store, {
      borrowerId: b.id,
      note: " Prefers calls after 6pm ",
      actor: AGENT,
      at: AT,
    });
    await expect(
      addNote(store, { borrowerId: b.id, note: "", actor: AGENT, at: AT }),
    ).rejects.toEqual(refusal("REASON_REQUIRED"));
    const entries = await store.audit.forSubject(`borrower:${b.id}`, 10);
    expect(entries).toMatchObject([
      { action: "note.added", payload: { why: "Prefers calls after 6pm" } },
    ]);
  });
});
