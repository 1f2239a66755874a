// The lesson invitation at send time: the audit log is read only when an invitation line exists.
import { describe, expect, it } from "vitest";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { LESSON_INVITED } from "../../core/learn/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { nudgeTemplates } from "../../prompts/index.ts";
import {
  borrowerWithLoan,
  clockedMemoryStore,
  nudgerDeps,
  recordingSender,
} from "./nudger-builders.ts";

const TEN_AM_NEW_YORK = "2026-03-03T15:00:00.000Z";
const INVITE = "Want to understand your loan better? Send /learn for a short lesson.";

/** The memory store, counting the reads of a borrower's audit trail. */
function countingAuditReads(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const audit = {
    ...store.audit,
    forSubject: (subject: string, limit: number) => {
      if (subject.startsWith("borrower:")) reads++;
      return store.audit.forSubject(subject, limit);
    },
  };
  return { store: { ...store, audit }, reads: () => reads };
}

async function sendOneNudge(templates?: typeof nudgeTemplates) {
  const memory = clockedMemoryStore(TEN_AM_NEW_YORK);
  const { store, reads } = countingAuditReads(memory.store);
  const { clock } = memory;
  const loan = await borrowerWithLoan(store, {
    ref: "1",
    firstDueDate: "2026-03-02",
    telegramId: 42,
  });
  const sender = recordingSender();
  const deps = nudgerDeps(store, clock, sender);
  expect((await planTick(deps.planner, clock.now)).planned).toBe(1);
  const before = reads();
  const result = await dispatchTick(
    { ...deps.dispatcher, ...(templates ? { templates } : {}) },
    clock.now,
  );
  expect(result.sent).toBe(1);
  const invited = (await store.audit.forSubject(`borrower:${loan.borrowerId}`, 50)).filter(
    (entry) => entry.action === LESSON_INVITED,
  );
  return { text: sender.sent[0]?.text ?? "", auditReads: reads() - before, invited };
}

describe("the lesson invitation at send time", () => {
  it("Should read the audit log for the last invitation only when the locale has an invitation line", async () => {
    expect(nudgeTemplates.en.learnInvite.trim()).toBe(""); // the default: no invitation line
    const plain = await sendOneNudge();
    const templates = { ...nudgeTemplates, en: { ...nudgeTemplates.en, learnInvite: INVITE } };
    const invited = await sendOneNudge(templates);

    // The same send, one read more: the look for the last invitation (the borrower's context
    // may read the trail for its own reasons, the same in both).
    expect(invited.auditReads).toBe(plain.auditReads + 1);
    expect(plain.text).not.toContain("/learn");
    expect(plain.invited).toEqual([]);
    expect(invited.text.split("\n").at(-2)).toBe(INVITE);
    expect(invited.invited).toHaveLength(1);
  });
});
