// On PostgreSQL a checked waiver waits for a concurrent, uncommitted write to its loan, then checks what is owed after it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { loanStateAsOf } from "../../core/ledger/loan-state-as-of.ts";
import type { Transaction } from "../../core/ledger/transaction.ts";
import type { Store } from "../../core/ports/index.ts";
import { decideWaiver } from "../../core/waivers/index.ts";
import { type Database, openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { transactionColumns } from "../../prisma/store/transaction-rows.ts";
import { givenLoan, uniqueRef } from "../helpers/builders.ts";
import { usd } from "../helpers/loans.ts";
import {
  createThrowawayDatabase,
  describeWithPostgres,
  type ThrowawayDatabase,
} from "../helpers/postgres.ts";

const TODAY = "2026-03-01";

describeWithPostgres("checked waivers on PostgreSQL", () => {
  let server: ThrowawayDatabase;
  let db: Database;
  let store: Store;

  beforeAll(async () => {
    server = await createThrowawayDatabase("repay_waiver_race");
    db = await openDatabase({ url: server.url });
    store = createPrismaStore(db.prisma);
  });

  afterAll(async () => {
    await db?.close();
    await server?.drop();
  });

  it("Should refuse a waiver that, after a concurrent waiver commits, would forgive more than is owed", async () => {
    const loan = await givenLoan(store);
    await store.transactions.record(loan.id, uniqueRef("fee"), {
      type: "fee",
      date: "2026-02-20",
      amount: usd("30.00"),
    });
    const firstWaiver: Transaction = {
      type: "waiver",
      date: TODAY,
      amount: usd("20.00"),
      component: "fees",
    };

    // Another writer has inserted a 20.00 waiver and not committed yet.
    let commit = (): void => {};
    const committed = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let inserted = (): void => {};
    const insertedYet = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const other = db.prisma.$transaction(
      async (tx) => {
        const columns = await transactionColumns(firstWaiver, async () => "USD");
        await tx.transaction.create({
          data: { ...columns, loanId: loan.id, idempotencyKey: uniqueRef("other") },
        });
        inserted();
        await committed;
      },
      { timeout: 60_000 },
    );
    await insertedYet;

    let settled = false;
    const second = store.transactions
      .recordChecked(loan.id, uniqueRef("waiver"), (transactions) => {
        const decided = decideWaiver({
          loan,
          transactions,
          today: TODAY,
          amount: usd("20.00"),
          component: "fees",
          cap: usd("50.00"),
        });
        return decided.granted
          ? {
              write: decided.waiver,
              audit: {
                actor: "agent:UTEST",
                action: "waiver.granted",
                subject: `loan:${loan.id}`,
                payload: {},
                at: `${TODAY}T10:00:00.000Z`,
              },
            }
          : { refused: decided.refusal.code };
      })
      .finally(() => {
        settled = true;
      });

    // The checked waiver must be waiting on the loan's row lock (or have finished, if it does not wait).
    for (;;) {
      const waiting = await db.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_locks WHERE NOT granted`;
      if (settled || (waiting[0]?.n ?? 0n) > 0n) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    commit();
    await other;

    expect(await second).toEqual({ outcome: "refused", refusal: "WAIVER_OVER_OWED" });
    const all = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
    expect(loanStateAsOf(loan, all, TODAY).outstanding.fees).toEqual(usd("10.00"));
    expect(await store.audit.forSubject(`loan:${loan.id}`, 10)).toEqual([]);
  });
});
