// A borrower who becomes reachable (links Telegram, opts back in) is looked at by the planner's next tick.
import { describe, expect, it } from "vitest";
import { hashLinkCode } from "../../bots/linking/link-code.ts";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { linkByCode } from "../../bots/telegram/linking.ts";
import { createAssistant } from "../../core/assistant/index.ts";
import type { NudgeDecisionEvent } from "../../core/policy/decision-event.ts";
import type { Store } from "../../core/ports/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { assistantTemplates } from "../../prompts/index.ts";
import {
  borrowerWithLoan,
  clockAt,
  clockedMemoryStore,
  nudgerDeps,
  recordingSender,
} from "./nudger-builders.ts";

// The loan falls due on 2026-03-10; 10:00 in New York (EDT, UTC-4) is 14:00 UTC.
const DUE_DAY_10AM = "2026-03-10T14:00:00.000Z";

async function dueDayBorrower(telegramId?: number, given?: Store) {
  const { store, clock } = given
    ? { store: given, clock: clockAt(DUE_DAY_10AM) }
    : clockedMemoryStore(DUE_DAY_10AM);
  const loan = await borrowerWithLoan(store, {
    ref: "1",
    firstDueDate: "2026-03-10",
    ...(telegramId !== undefined ? { telegramId } : {}),
  });
  const events: NudgeDecisionEvent[] = [];
  const sender = recordingSender();
  const deps = nudgerDeps(store, clock, sender, events);
  return { store, clock, loan, events, sender, deps };
}

async function pgliteStore(): Promise<{ store: Store; close: () => Promise<void> }> {
  const db = await openDatabase({ memory: true });
  return { store: createPrismaStore(db.prisma), close: () => db.close() };
}

describe.each([
  ["memory", async () => ({ store: undefined, close: async () => {} })],
  ["pglite", pgliteStore],
] as const)("planner looks again on the %s store", (_name, open) => {
  it("Should send the due-day reminder the same afternoon to a borrower who links Telegram after the planner skipped them", async () => {
    const opened = await open();
    try {
      await linkedAfterTheSkip(opened.store);
    } finally {
      await opened.close();
    }
  }, 60_000);
});

async function linkedAfterTheSkip(given: Store | undefined): Promise<void> {
  const { store, clock, loan, events, sender, deps } = await dueDayBorrower(undefined, given);
  await planTick(deps.planner, clock.now);
  expect(events.map((e) => [e.decision, e.reasons])).toEqual([
    ["suppressed", ["CHANNEL_UNREACHABLE"]],
  ]);
  const skippedUntil = (await store.loans.byId(loan.id))?.nextNudgeAt as string;
  expect(skippedUntil > "2026-03-11").toBe(true);

  clock.advance(4 * 60 + 9); // 14:09 local
  const code = "LINKCODE01";
  await store.linkCodes.issue(loan.borrowerId, hashLinkCode(code), "2026-03-11T00:00:00.000Z");
  expect(await linkByCode(store, "4242", code, new Date(clock.now))).toBeDefined();
  expect((await store.loans.byId(loan.id))?.nextNudgeAt).toBe(clock.now);

  clock.advance(1);
  events.length = 0;
  await planTick(deps.planner, clock.now);
  expect(events.map((e) => [e.decision, e.kind])).toEqual([["planned", "due_today"]]);
  await dispatchTick(deps.dispatcher, clock.now);
  expect(sender.sent).toHaveLength(1);
  expect(sender.sent[0]?.borrowerId).toBe(loan.borrowerId);
}

describe("planner looks again when a borrower becomes reachable", () => {
  it("Should have the planner decide again, within the rules, right after a borrower opts back in", async () => {
    const { store, clock, loan, events, deps } = await dueDayBorrower(4242);
    const assistant = createAssistant({ store, templates: assistantTemplates, lenderName: "Acme" });
    await assistant.respond({
      borrowerId: loan.borrowerId,
      channel: "telegram",
      at: clock.now,
      text: "STOP",
    });
    await planTick(deps.planner, clock.now);
    expect(events[0]?.reasons).toContain("OPTED_OUT");
    const skippedUntil = (await store.loans.byId(loan.id))?.nextNudgeAt as string;
    expect(skippedUntil > "2026-03-11").toBe(true);

    clock.advance(30);
    await assistant.respond({
      borrowerId: loan.borrowerId,
      channel: "telegram",
      at: clock.now,
      text: "START",
    });
    expect((await store.loans.byId(loan.id))?.nextNudgeAt).toBe(clock.now);
    clock.advance(1);
    events.length = 0;
    await planTick(deps.planner, clock.now);
    // Decided again today; the borrower wrote to us, so the rules' quiet period still holds.
    expect(events).toHaveLength(1);
    expect(events[0]?.reasons).not.toContain("OPTED_OUT");
  });

  it("Should never push a look later than the one already set", async () => {
    const { store, clock, loan, deps } = await dueDayBorrower();
    await planTick(deps.planner, clock.now);
    await store.loans.setNextNudgeAt(loan.id, "2026-03-10T15:00:00.000Z");
    const code = "LINKCODE02";
    await store.linkCodes.issue(loan.borrowerId, hashLinkCode(code), "2026-03-11T00:00:00.000Z");
    await linkByCode(store, "4243", code, new Date("2026-03-10T18:00:00.000Z"));
    expect((await store.loans.byId(loan.id))?.nextNudgeAt).toBe("2026-03-10T15:00:00.000Z");
  });
});
