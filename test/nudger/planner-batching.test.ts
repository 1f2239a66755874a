// The planner reads the store a page at a time, and decides every loan as it did one loan at a time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planTick } from "../../bots/nudger/planner.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import { contactProfile } from "../../core/policy/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import {
  createThrowawayDatabase,
  describeWithPostgres,
  POSTGRES_SKIP_REASON,
  TEST_POSTGRES_URL,
} from "../helpers/postgres.ts";
import { MIXED_BOOK_NOW, planMixedBook, writeMixedBook } from "./mixed-book.ts";

// Recorded from the planner as it was before it read in batches (one loan, one borrower at a
// time); batching must not change a single decision, reason, instant or nextNudgeAt.

/** Tuesday 10:00 New York: what the per-loan planner decided for each loan. */
const TUESDAY: Record<string, string> = {
  "L-current":
    "deferred - NOT_IN_CADENCE until 2026-03-10T13:00:00.000Z; next 2026-03-10T13:00:00.000Z",
  "L-pre-due": "planned pre_due with a row; next 2026-03-06T14:00:00.000Z",
  "L-late": "planned overdue with a row; next 2026-03-05T14:00:00.000Z",
  "L-late-shanghai":
    "deferred overdue QUIET_HOURS until 2026-03-04T01:00:00.000Z; next 2026-03-04T01:00:00.000Z",
  "L-long-late": "planned plan_offer escalate with a row; next 2026-03-09T13:00:00.000Z",
  "L-unlinked": "suppressed overdue CHANNEL_UNREACHABLE; next 2026-03-05T14:00:00.000Z",
  "L-promised":
    "deferred overdue PAUSED_PROMISE until 2026-03-09T13:00:00.000Z; next 2026-03-09T13:00:00.000Z",
  "L-promise-lapsed": "planned plan_offer with a row; next 2026-03-06T14:00:00.000Z",
  "L-agent-hold":
    "deferred overdue AGENT_HOLD until 2026-03-10T13:00:00.000Z; next 2026-03-10T13:00:00.000Z",
  "L-disputed": "suppressed overdue PAUSED_DISPUTE; next 2026-03-05T14:00:00.000Z",
  "L-blocked": "suppressed overdue CHANNEL_UNREACHABLE; next 2026-03-05T14:00:00.000Z",
  "L-opted-out": "suppressed overdue OPTED_OUT; next 2026-03-05T14:00:00.000Z",
  "L-handoff": "suppressed overdue HANDOFF_OPEN; next 2026-03-05T14:00:00.000Z",
  "L-deceased": "suppressed overdue FLAG_DECEASED; next 2026-03-05T14:00:00.000Z",
  "L-talked":
    "deferred overdue COOL_DOWN QUIET_HOURS until 2026-03-06T14:00:00.000Z; next 2026-03-06T14:00:00.000Z",
  "L-agent-messages":
    "deferred overdue HARD_CEILING until 2026-03-04T19:00:00.000Z; next 2026-03-04T19:00:00.000Z",
  "L-nudged":
    "deferred plan_offer WEEKLY_CAP QUIET_HOURS until 2026-03-06T14:00:00.000Z; next 2026-03-06T14:00:00.000Z",
  "L-several": "planned overdue with a row; next 2026-03-05T14:00:00.000Z",
  "L-several-b": "planned follow_up with a row; next 2026-03-05T14:00:00.000Z",
  "L-several-c":
    "deferred - NOT_IN_CADENCE until 2026-03-17T13:00:00.000Z; next 2026-03-17T13:00:00.000Z",
  "L-partly-paid": "planned overdue with a row; next 2026-03-05T14:00:00.000Z",
  "L-caught-up":
    "deferred - NOT_IN_CADENCE until 2026-03-30T13:00:00.000Z; next 2026-03-30T13:00:00.000Z",
  "L-repaid": "suppressed - NOTHING_DUE; next 2026-03-10T15:00:00.000Z",
  "L-paid-off": "suppressed - NOTHING_DUE; next none",
  "L-written-off": "suppressed - NOTHING_DUE; next none",
};

/** Thursday, the +3 follow-up, after Tuesday's tick. */
const THURSDAY: Record<string, string> = {
  "L-current": "not looked at; next 2026-03-10T13:00:00.000Z",
  "L-pre-due": "not looked at; next 2026-03-06T14:00:00.000Z",
  "L-late": "planned follow_up with a row; next 2026-03-09T13:00:00.000Z",
  "L-late-shanghai":
    "deferred follow_up QUIET_HOURS until 2026-03-06T01:00:00.000Z; next 2026-03-06T01:00:00.000Z",
  "L-long-late": "not looked at; next 2026-03-09T13:00:00.000Z",
  "L-unlinked": "suppressed follow_up CHANNEL_UNREACHABLE; next 2026-03-09T13:00:00.000Z",
  "L-promised": "not looked at; next 2026-03-09T13:00:00.000Z",
  "L-promise-lapsed": "not looked at; next 2026-03-06T14:00:00.000Z",
  "L-agent-hold": "not looked at; next 2026-03-10T13:00:00.000Z",
  "L-disputed": "suppressed follow_up PAUSED_DISPUTE; next 2026-03-09T13:00:00.000Z",
  "L-blocked": "suppressed follow_up CHANNEL_UNREACHABLE; next 2026-03-09T13:00:00.000Z",
  "L-opted-out": "suppressed follow_up OPTED_OUT; next 2026-03-09T13:00:00.000Z",
  "L-handoff": "suppressed follow_up HANDOFF_OPEN; next 2026-03-09T13:00:00.000Z",
  "L-deceased": "suppressed follow_up FLAG_DECEASED; next 2026-03-09T13:00:00.000Z",
  "L-talked": "not looked at; next 2026-03-06T14:00:00.000Z",
  "L-agent-messages": "planned follow_up with a row; next 2026-03-09T13:00:00.000Z",
  "L-nudged": "not looked at; next 2026-03-06T14:00:00.000Z",
  "L-several": "planned follow_up with a row; next 2026-03-09T13:00:00.000Z",
  "L-several-b": "planned plan_offer with a row; next 2026-03-09T13:00:00.000Z",
  "L-several-c": "not looked at; next 2026-03-17T13:00:00.000Z",
  "L-partly-paid": "planned follow_up with a row; next 2026-03-09T13:00:00.000Z",
  "L-caught-up": "not looked at; next 2026-03-30T13:00:00.000Z",
  "L-repaid": "not looked at; next 2026-03-10T15:00:00.000Z",
  "L-paid-off": "not looked at; next none",
  "L-written-off": "not looked at; next none",
};

/** `store` with a count of every call to each of its ports' methods ("loans.setNextNudgeAt"). */
function countingStore(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const counted = Object.fromEntries(
    Object.entries(store).map(([port, methods]) => [
      port,
      new Proxy(methods as object, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver);
          if (typeof value !== "function") return value;
          const key = `${port}.${String(name)}`;
          return (...args: unknown[]) => {
            calls.set(key, (calls.get(key) ?? 0) + 1);
            return value.apply(target, args);
          };
        },
      }),
    ]),
  ) as unknown as Store;
  return { store: counted, calls };
}

const memoryStore = () => createMemoryStore({ clock: () => MIXED_BOOK_NOW });

describe("planner reading a page at a time", () => {
  for (const pageSize of [3, 200]) {
    it(`Should decide every loan of a mixed book as the per-loan planner did, ${pageSize} loans a page`, async () => {
      expect(await planMixedBook(memoryStore(), pageSize)).toEqual([TUESDAY, THURSDAY]);
    });
  }

  it("Should read the page in one call, its borrowers' contact records in one call, and write the page's nudges and next looks in one call", async () => {
    const { store, calls } = countingStore(memoryStore());
    const loans = (await writeMixedBook(store)).length;
    calls.clear();
    const result = await planTick(
      { store, profile: contactProfile("default"), pageSize: 200 },
      MIXED_BOOK_NOW,
    );

    expect(result).toMatchObject({ loans, primed: loans - 2 });
    const once = [
      // The loans with their borrowers, promises and transactions: one read.
      "planning.duePage",
      // Every kind of contact record of the page's borrowers on a cadence date: one read.
      "planning.contactRecords",
    ];
    for (const method of once) expect([method, calls.get(method)]).toEqual([method, 1]);
    // Once to prime the new loans; the page's next looks go with its nudges.
    expect(calls.get("loans.setNextNudgeAtMany")).toBe(1);
    // The page's nudges and next looks in one write, not one per planned loan.
    expect(result.planned).toBeGreaterThan(1);
    expect(calls.get("planning.writePage")).toBe(1);
    expect(calls.get("outbox.planMany")).toBeUndefined();
    const perLoan = [
      "loans.dueForNudge",
      "borrowers.byIds",
      "contact.promisesFor",
      "transactions.forLoans",
      "borrowers.byId",
      "contact.promises",
      "transactions.forLoan",
      "identities.forBorrower",
      "contact.optedOutChannels",
      "contact.activePauses",
      "conversation.recent",
      "handoffs.active",
      "outbox.contactsSince",
      "loans.setNextNudgeAt",
      "outbox.plan",
      "identities.forBorrowers",
      "contact.optedOutChannelsFor",
      "contact.activePausesFor",
      "conversation.recentFor",
      "handoffs.activeFor",
      "outbox.contactsSinceFor",
      "consent.forBorrowers",
      "contactPoints.forBorrowers",
    ];
    for (const method of perLoan) expect([method, calls.get(method)]).toEqual([method, undefined]);
  });

  it("Should reject a pass whose next page cannot be read only once the page before it is written, and write nothing after", async () => {
    const memory = memoryStore();
    await writeMixedBook(memory);
    const broken = new Error("page two is gone");
    let reads = 0;
    const { store, calls } = countingStore({
      ...memory,
      planning: {
        ...memory.planning,
        duePage: (...args) =>
          ++reads === 2 ? Promise.reject(broken) : memory.planning.duePage(...args),
      },
    });

    await expect(
      planTick({ store, profile: contactProfile("default"), pageSize: 3 }, MIXED_BOOK_NOW),
    ).rejects.toBe(broken);
    const written = calls.get("planning.writePage");
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Priming, then the first page (read before the second failed) decided and written.
    expect(calls.get("loans.setNextNudgeAtMany")).toBe(1);
    expect(written).toBe(1);
    expect(calls.get("planning.writePage")).toBe(written);
    expect(reads).toBe(2);
  });

  describe("on PGlite", () => {
    for (const pageSize of [3, 200]) {
      it(`Should decide every loan of a mixed book as the per-loan planner did, ${pageSize} loans a page`, async () => {
        const db = await openDatabase({ memory: true });
        try {
          const ticks = await planMixedBook(createPrismaStore(db.prisma), pageSize);
          expect(ticks).toEqual([TUESDAY, THURSDAY]);
        } finally {
          await db.close();
        }
      });
    }
  });

  if (!TEST_POSTGRES_URL) console.info(`planner batching on PostgreSQL ${POSTGRES_SKIP_REASON}`);
  describeWithPostgres("on PostgreSQL", () => {
    let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;
    let db: Awaited<ReturnType<typeof openDatabase>>;
    beforeAll(async () => {
      database = await createThrowawayDatabase("repay_planner");
      db = await openDatabase({ url: database.url });
    });
    afterAll(async () => {
      await db?.close();
      await database?.drop();
    });

    it("Should decide every loan of a mixed book as the per-loan planner did, 3 loans a page", async () => {
      const ticks = await planMixedBook(createPrismaStore(db.prisma), 3);
      expect(ticks).toEqual([TUESDAY, THURSDAY]);
    });
  });
});
