// Commands on PGlite: when a command fails after some of its writes, the transaction takes them all back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  acceptProposedPlan,
  linkByCode,
  markDispute,
  proposePlan,
  resumeNudges,
} from "../../core/commands/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { AGENT, AT, givenLateBorrower, writtenAbout } from "../core/commands/command-builders.ts";
import { usd } from "../helpers/loans.ts";
import { type PrismaHarness, prismaHarness } from "./prisma-harness.ts";

/** The same store, except that inside a transaction the audit log fails: the last write of every command. */
function auditFailsInside(store: Store): Store {
  return {
    ...store,
    atomic: (work) =>
      store.atomic((tx) =>
        work({
          ...tx,
          audit: {
            ...tx.audit,
            append: async () => {
              throw new Error("audit log unavailable");
            },
          },
        }),
      ),
  };
}

describe("commands on the PGlite store", () => {
  let harness: PrismaHarness;
  let store: Store;
  beforeAll(async () => {
    const db = await openDatabase({ memory: true });
    harness = prismaHarness(db.prisma, () => db.close());
  }, 180_000);
  afterAll(() => harness?.teardown());
  beforeEach(async () => {
    await harness.reset();
    store = harness.store;
  });

  it("leaves the plan proposed, no reschedule and the promise open when accepting fails at the audit", async () => {
    const { borrower, loan } = await givenLateBorrower(store);
    const { plan } = await proposePlan(store, {
      loanId: loan.id,
      kind: "catch-up",
      actor: AGENT,
      at: AT,
    });
    await store.contact.promise({
      borrowerId: borrower.id,
      loanId: loan.id,
      amount: usd("100.00"),
      promisedFor: "2026-04-05",
    });
    const before = await writtenAbout(store, borrower.id);
    const input = {
      planId: plan.id,
      borrowerId: borrower.id,
      channel: "telegram",
      actor: "assistant",
      at: AT,
    } as const;
    await expect(acceptProposedPlan(auditFailsInside(store), input)).rejects.toThrow(
      "audit log unavailable",
    );
    expect(await writtenAbout(store, borrower.id)).toEqual(before);

    const accepted = await acceptProposedPlan(store, input);
    expect(accepted.plan.status).toBe("accepted");
    expect((await store.contact.promises(borrower.id))[0]?.status).toBe("closed");
  });

  it("leaves no dispute pause and no handoff when marking a dispute fails at the audit", async () => {
    const { borrower } = await givenLateBorrower(store);
    const before = await writtenAbout(store, borrower.id);
    await expect(
      markDispute(auditFailsInside(store), {
        borrowerId: borrower.id,
        why: "paid in cash",
        actor: AGENT,
        at: AT,
      }),
    ).rejects.toThrow("audit log unavailable");
    expect(await writtenAbout(store, borrower.id)).toEqual(before);
  });

  it("keeps the pauses when resuming fails at the audit", async () => {
    const { borrower } = await givenLateBorrower(store);
    await store.contact.pause({ borrowerId: borrower.id, reason: "agent_hold", createdBy: AGENT });
    await expect(
      resumeNudges(auditFailsInside(store), { borrowerId: borrower.id, actor: AGENT, at: AT }),
    ).rejects.toThrow("audit log unavailable");
    expect(await store.contact.activePauses(borrower.id, AT)).toMatchObject([
      { reason: "agent_hold" },
    ]);
  });

  it("keeps a link code usable when linking fails at the audit", async () => {
    const { borrower } = await givenLateBorrower(store);
    await store.linkCodes.issue(borrower.id, "hash:CODE1", "2026-04-02T00:00:00.000Z");
    const chat = { channel: "telegram", externalId: "4242", actor: "telegram", at: AT } as const;
    const hash = (code: string) => `hash:${code}`;
    await expect(linkByCode(auditFailsInside(store), chat, "CODE1", hash)).rejects.toThrow(
      "audit log unavailable",
    );
    expect(await store.identities.forBorrower(borrower.id)).toEqual([]);
    expect((await linkByCode(store, chat, "CODE1", hash)).id).toBe(borrower.id);
  });
});
