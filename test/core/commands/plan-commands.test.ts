// Proposing and accepting a plan: on today's options only, accepted once, promises it replaces closed, audited before and after.
import { describe, expect, it } from "vitest";
import { acceptProposedPlan, proposePlan } from "../../../core/commands/index.ts";
import { createMemoryStore } from "../../../core/memory/index.ts";
import { usd } from "../../helpers/loans.ts";
import { AGENT, AT, givenLateBorrower, refusal, writtenAbout } from "./command-builders.ts";

async function withProposal() {
  const store = createMemoryStore({ clock: () => AT });
  const { borrower, loan } = await givenLateBorrower(store);
  const { plan } = await proposePlan(store, {
    loanId: loan.id,
    kind: "catch-up",
    actor: AGENT,
    at: AT,
  });
  const accept = (borrowerId = borrower.id) =>
    acceptProposedPlan(store, {
      planId: plan.id,
      borrowerId,
      channel: "telegram",
      actor: "assistant",
      at: AT,
    });
  return { store, borrower, loan, plan, accept };
}

describe("proposePlan", () => {
  it("stores today's catch-up option as proposed and audits it", async () => {
    const { store, loan, plan } = await withProposal();
    expect(plan).toMatchObject({
      status: "proposed",
      proposedBy: AGENT,
      option: { kind: "catch-up" },
    });
    const [entry] = await store.audit.forSubject(`loan:${loan.id}`, 1);
    expect(entry).toMatchObject({
      action: "plan.proposed",
      payload: { before: null, after: { planId: plan.id, kind: "catch-up", status: "proposed" } },
    });
  });

  it("refuses an option the loan does not have today, and writes nothing", async () => {
    const store = createMemoryStore({ clock: () => AT });
    const { borrower, loan } = await givenLateBorrower(store);
    const before = await writtenAbout(store, borrower.id);
    await expect(
      proposePlan(store, { loanId: loan.id, kind: "holiday", actor: AGENT, at: AT }),
    ).rejects.toEqual(refusal("PLAN_NOT_OFFERED"));
    expect(await writtenAbout(store, borrower.id)).toEqual(before);
  });
});

describe("acceptProposedPlan", () => {
  it("accepting a plan closes open promises and audits before/after in one step", async () => {
    const { store, borrower, loan, plan, accept } = await withProposal();
    const promise = await store.contact.promise({
      borrowerId: borrower.id,
      loanId: loan.id,
      amount: usd("100.00"),
      promisedFor: "2026-04-05",
    });
    const result = await accept();
    expect(result.closedPromises).toEqual([promise.id]);
    expect((await store.contact.promises(borrower.id))[0]?.status).toBe("closed");
    const reschedules = (await store.transactions.forLoan(loan.id)).filter(
      (r) => r.idempotencyKey === `plan:${plan.id}`,
    );
    expect(reschedules).toHaveLength(1);
    const [entry] = await store.audit.forSubject(`loan:${loan.id}`, 1);
    expect(entry).toMatchObject({
      actor: "assistant",
      action: "plan.accepted",
      payload: {
        planId: plan.id,
        kind: "catch-up",
        before: { plan: "proposed", overdue: "205.08", openPromises: [promise.id] },
        after: { plan: "accepted", overdue: "0.00", openPromises: [] },
      },
    });
    // A plan changes how the debt is repaid, never how much is owed that day.
    const payload = entry?.payload as {
      before: { outstanding: string };
      after: { outstanding: string };
    };
    expect(payload.after.outstanding).toBe(payload.before.outstanding);
  });

  it("refuses a second acceptance with PLAN_NOT_PROPOSED and records the reschedule once", async () => {
    const { store, loan, accept } = await withProposal();
    await accept();
    await expect(accept()).rejects.toEqual(refusal("PLAN_NOT_PROPOSED"));
    const reschedules = (await store.transactions.forLoan(loan.id)).filter(
      (r) => r.transaction.type === "reschedule",
    );
    expect(reschedules).toHaveLength(1);
  });

  it("treats another borrower's plan as not found, and writes nothing", async () => {
    const { store, borrower, accept } = await withProposal();
    const { borrower: other } = await givenLateBorrower(store);
    const before = await writtenAbout(store, borrower.id);
    await expect(accept(other.id)).rejects.toEqual(refusal("PLAN_NOT_FOUND"));
    expect(await writtenAbout(store, borrower.id)).toEqual(before);
  });
});
