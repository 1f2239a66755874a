// A plan replaces the arrears: the open promise to pay them is closed and its pause lifted, not left open.
import { describe, expect, it } from "vitest";
import { AT, actionStarting, givenLateBorrower, says, taps, world } from "./builders.ts";

describe("a borrower who promised to pay, then takes a plan", () => {
  it("closes the promise on that loan and lifts its reminder pause", async () => {
    const w = world();
    const { borrower, loan } = await givenLateBorrower(w.store);
    await says(w, borrower.id, "I'll pay 50 on Friday");
    const [promise] = await w.store.contact.promises(borrower.id);
    expect(promise?.status).toBe("open");
    const paused = await w.store.contact.activePauses(borrower.id, AT);
    expect(paused.map((p) => p.reason)).toContain("promise");

    const offer = await says(w, borrower.id, "I can't pay this month");
    const picked = await taps(w, borrower.id, actionStarting(offer, "plan:pick:"));
    await taps(w, borrower.id, actionStarting(picked, "plan:confirm:"));

    const after = await w.store.contact.promises(borrower.id);
    expect(after.map((p) => [p.loanId, p.status])).toEqual([[loan.id, "closed"]]);
    const pauses = await w.store.contact.activePauses(borrower.id, AT);
    expect(pauses.filter((p) => p.reason === "promise")).toEqual([]);
    const audit = await w.store.audit.forSubject(`loan:${loan.id}`, 50);
    expect(audit.map((entry) => entry.action)).toContain("promise.closed");
  });
});
