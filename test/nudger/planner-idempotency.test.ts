// Two planners at once on one store write each nudge once: memory, PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planTick } from "../../bots/nudger/planner.ts";
import type { NudgeDecisionEvent } from "../../core/policy/decision-event.ts";
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
import { addLoan, borrowerWithLoan, clockedMemoryStore } from "./nudger-builders.ts";

const NOW = "2026-03-03T15:00:00.000Z"; // 10:00 in New York
const BORROWERS = 30;

/** 30 borrowers with a loan 1 day late; every third has a second loan 8 days late. */
async function lateBook(store: Store): Promise<number> {
  let loans = 0;
  for (let i = 0; i < BORROWERS; i++) {
    const loan = await borrowerWithLoan(store, {
      ref: String(i),
      firstDueDate: "2026-03-02",
      telegramId: 1000 + i,
    });
    loans++;
    if (i % 3 === 0) {
      await addLoan(store, loan.borrowerId, `L-${i}-b`, "2026-02-23");
      loans++;
    }
  }
  return loans;
}

async function twoPlannersAtOnce(store: Store) {
  const events: NudgeDecisionEvent[] = [];
  const deps = {
    store,
    profile: contactProfile("default"),
    pageSize: 7,
    onDecision: (e: NudgeDecisionEvent) => events.push(e),
  };
  const results = await Promise.all([
    planTick(deps, NOW),
    planTick(deps, NOW),
    planTick(deps, NOW),
  ]);
  // A late run over the same instant (the loans were moved on) adds nothing either.
  await Promise.all([planTick(deps, NOW), planTick(deps, NOW)]);
  return { events, results };
}

function expectOneRowPerLoan(events: readonly NudgeDecisionEvent[], loans: number) {
  const planned = events.filter((e) => e.decision === "planned");
  const rowsByLoan = new Map<string, Set<string>>();
  for (const e of planned) {
    const rows = rowsByLoan.get(e.loanId) ?? new Set<string>();
    rows.add(e.nudgeId as string);
    rowsByLoan.set(e.loanId, rows);
  }
  // The planners really overlapped: some loans were decided by more than one of them.
  expect(planned.length).toBeGreaterThan(loans);
  expect(rowsByLoan.size).toBe(loans);
  for (const rows of rowsByLoan.values()) expect(rows.size).toBe(1);
}

describe("planner idempotency", () => {
  it("Should write one outbox row per loan when three planners run at once (memory)", async () => {
    const { store } = clockedMemoryStore(NOW);
    const loans = await lateBook(store);
    const { events } = await twoPlannersAtOnce(store);
    expectOneRowPerLoan(events, loans);
  });

  describe("on PGlite", () => {
    let db: Awaited<ReturnType<typeof openDatabase>>;
    beforeAll(async () => {
      db = await openDatabase({ memory: true });
    });
    afterAll(() => db?.close());

    it("Should write one outbox row per loan when three planners run at once", async () => {
      const store = createPrismaStore(db.prisma);
      const loans = await lateBook(store);
      const { events } = await twoPlannersAtOnce(store);
      expectOneRowPerLoan(events, loans);
      expect(await db.prisma.nudgeOutbox.count()).toBe(loans);
      const perLoan = await db.prisma.nudgeOutbox.groupBy({ by: ["loanId"], _count: true });
      expect(perLoan.every((group) => group._count === 1)).toBe(true);
    });
  });

  if (!TEST_POSTGRES_URL) console.info(`planner idempotency on PostgreSQL ${POSTGRES_SKIP_REASON}`);
  describeWithPostgres("on PostgreSQL, two store connections", () => {
    let drop: () => Promise<void>;
    let dbs: Awaited<ReturnType<typeof openDatabase>>[] = [];
    beforeAll(async () => {
      const database = await createThrowawayDatabase("repay_nudger");
      drop = database.drop;
      dbs = [
        await openDatabase({ url: database.url }),
        await openDatabase({ url: database.url, migrate: false }),
      ];
    });
    afterAll(async () => {
      for (const db of dbs) await db.close();
      await drop?.();
    });

    it("Should write one outbox row per loan when planners in two clients race", async () => {
      const [a, b] = dbs as [(typeof dbs)[0], (typeof dbs)[0]];
      const loans = await lateBook(createPrismaStore(a.prisma));
      const events: NudgeDecisionEvent[] = [];
      const deps = (store: Store) => ({
        store,
        profile: contactProfile("default"),
        pageSize: 5,
        concurrency: 8,
        onDecision: (e: NudgeDecisionEvent) => events.push(e),
      });
      await Promise.all([
        planTick(deps(createPrismaStore(a.prisma)), NOW),
        planTick(deps(createPrismaStore(b.prisma)), NOW),
      ]);
      expectOneRowPerLoan(events, loans);
      expect(await a.prisma.nudgeOutbox.count()).toBe(loans);
    });
  });
});
