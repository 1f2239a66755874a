// A dispatcher killed holding claims: rows it never started to send go to another dispatcher
// when the lease ends; a row whose send had started is failed, never sent twice. On PostgreSQL.
import { afterAll, beforeAll, expect, it } from "vitest";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { contactProfile } from "../../core/policy/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import {
  createThrowawayDatabase,
  describeWithPostgres,
  POSTGRES_SKIP_REASON,
  TEST_POSTGRES_URL,
  type ThrowawayDatabase,
} from "../helpers/postgres.ts";
import { borrowerWithLoan, clockAt, recordingSender } from "./nudger-builders.ts";

const TEN_AM_NEW_YORK = "2026-03-03T15:00:00.000Z";
const LEASE_SECONDS = 60;

if (!TEST_POSTGRES_URL) console.info(`lease handover test ${POSTGRES_SKIP_REASON}`);

describeWithPostgres("lease handover between dispatchers", () => {
  let database: ThrowawayDatabase;
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let store: Store;

  beforeAll(async () => {
    database = await createThrowawayDatabase("repay_handover");
    db = await openDatabase({ url: database.url });
    store = createPrismaStore(db.prisma);
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it("Should send a dead dispatcher's unstarted rows from another dispatcher once the lease ends, and never resend one that was mid-send", async () => {
    const clock = clockAt(TEN_AM_NEW_YORK);
    const profile = contactProfile("default");
    for (const [index, ref] of ["H1", "H2", "H3"].entries()) {
      await borrowerWithLoan(store, { ref, firstDueDate: "2026-03-02", telegramId: 9001 + index });
    }
    expect((await planTick({ store, profile }, clock.now)).planned).toBe(3);

    // Dispatcher A claims all three, starts the send of one of them, and is killed (SIGKILL):
    // nothing of it runs again, its claims stay in the database.
    const claimedAt = clock.advance(0.1);
    const leaseUntil = new Date(Date.parse(claimedAt) + LEASE_SECONDS * 1000).toISOString();
    const held = await store.outbox.claimDue(claimedAt, "dispatcher-a", leaseUntil, 10);
    expect(held).toHaveLength(3);
    const midSend = held[0]?.id ?? "";
    expect(await store.outbox.markSending([midSend], "dispatcher-a", claimedAt)).toEqual([midSend]);

    const sender = recordingSender();
    const b = {
      store,
      profile,
      senders: { telegram: sender },
      lenderName: "Acme Lending",
      workerId: "dispatcher-b",
      leaseSeconds: LEASE_SECONDS,
      clock: clock.read,
      sleep: async () => {},
    };
    // While A's lease runs, B gets nothing.
    clock.advance(0.5);
    expect(await dispatchTick(b, clock.now)).toMatchObject({ expired: 0, claimed: 0, sent: 0 });

    // The lease ends: the two A never started are B's to send; the one mid-send is failed.
    clock.advance(1);
    expect(await dispatchTick(b, clock.now)).toMatchObject({ expired: 3, claimed: 2, sent: 2 });
    expect(sender.sent).toHaveLength(2);
    const rows = await db.prisma.nudgeOutbox.findMany({ orderBy: { id: "asc" } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(midSend)).toMatchObject({ status: "failed", lastError: "lease expired" });
    for (const row of held.slice(1)) {
      expect(byId.get(row.id)).toMatchObject({
        status: "sent",
        claimedBy: "dispatcher-b",
        attempts: 2,
      });
    }

    // Nothing is left to send, however often B looks.
    clock.advance(5);
    expect(await dispatchTick(b, clock.now)).toMatchObject({ claimed: 0, sent: 0 });
    expect(sender.sent).toHaveLength(2);
  }, 120_000);
});
