// The daily cap holds when a send's outcome is lost and when two dispatchers reach one borrower at once.
import { describe, expect, it } from "vitest";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import type { NudgeDecisionEvent } from "../../core/policy/decision-event.ts";
import { type ChannelSender, SendError } from "../../core/ports/channel-sender.ts";
import type { Store, StoredLoan } from "../../core/ports/index.ts";
import {
  addLoan,
  borrowerWithLoan,
  type Clock,
  clockedMemoryStore,
  nudgerDeps,
  recordingSender,
} from "./nudger-builders.ts";

const TEN_AM_NEW_YORK = "2026-03-03T15:00:00.000Z";

/** A borrower with two loans a day late, a nudge row planned for each a minute apart. */
async function twoRowsForOneBorrower() {
  const { store, clock } = clockedMemoryStore(TEN_AM_NEW_YORK);
  const first = await borrowerWithLoan(store, {
    ref: "1",
    firstDueDate: "2026-03-02",
    telegramId: 42,
  });
  const second = await addLoan(store, first.borrowerId, "L-2", "2026-03-02");
  const rows = [];
  for (const [loan, minutes] of [
    [first, -2],
    [second, -1],
  ] as const) {
    const planned = await store.outbox.plan({
      dedupeKey: `${loan.id}:overdue@2026-03-02+1d`,
      borrowerId: loan.borrowerId,
      loanId: loan.id,
      kind: "overdue",
      channel: "telegram",
      plannedFor: new Date(Date.parse(clock.now) + minutes * 60_000).toISOString(),
      reasonCodes: [],
    });
    rows.push(planned.row);
  }
  return { store, clock, loans: [first, second] as StoredLoan[], rows };
}

function dispatcher(store: Store, clock: Clock, sender: ChannelSender, worker: string) {
  const events: NudgeDecisionEvent[] = [];
  const deps = { ...nudgerDeps(store, clock, sender, events).dispatcher, workerId: worker };
  return { deps: { ...deps, batchSize: 1 }, events };
}

/** A sender that holds every send until `open()` is called. */
function gatedSender() {
  const inner = recordingSender();
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let entered: () => void = () => {};
  const sending = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const sender: ChannelSender = {
    async send(message) {
      entered();
      await gate;
      return inner.send(message);
    },
  };
  return { sender, sent: inner.sent, sending, open };
}

describe("contact caps across dispatchers", () => {
  it("Should count a nudge whose dispatcher died mid-send against the day's cap", async () => {
    const { store, clock, rows } = await twoRowsForOneBorrower();
    // A dispatcher claimed the first row, may have sent it, and died: its lease runs out.
    const claimedAt = clock.now;
    const [held] = await store.outbox.claimDue(claimedAt, "dead-worker", clock.advance(0.5), 1);
    await store.outbox.markSending([held?.id ?? ""], "dead-worker", claimedAt);
    clock.advance(1);
    const sender = recordingSender();
    const { deps, events } = dispatcher(store, clock, sender, "worker-b");

    const tick = await dispatchTick(deps, clock.now);

    expect(tick).toMatchObject({ expired: 1, claimed: 1, sent: 0, deferred: 1 });
    expect(sender.sent).toEqual([]);
    expect(events.at(-1)).toMatchObject({ nudgeId: rows[1]?.id, reasons: ["DAILY_CAP"] });
    expect(await store.outbox.byDedupeKey(rows[0]?.dedupeKey ?? "")).toMatchObject({
      status: "failed",
      lastError: "lease expired",
    });
  });

  it("Should count a send whose outcome is unknown against the day's cap", async () => {
    const { store, clock, rows } = await twoRowsForOneBorrower();
    const timingOut: ChannelSender = {
      async send() {
        throw new SendError("unknown", "ETIMEDOUT", "no answer");
      },
    };
    const first = dispatcher(store, clock, timingOut, "worker-a");
    expect(await dispatchTick(first.deps, clock.now)).toMatchObject({ claimed: 1, failed: 1 });
    clock.advance(5);
    const sender = recordingSender();
    const second = dispatcher(store, clock, sender, "worker-b");

    expect(await dispatchTick(second.deps, clock.now)).toMatchObject({ claimed: 1, deferred: 1 });
    expect(sender.sent).toEqual([]);
    expect(second.events.at(-1)).toMatchObject({ nudgeId: rows[1]?.id, reasons: ["DAILY_CAP"] });
  });

  it("Should send one message when two dispatchers each hold a row for one borrower", async () => {
    const { store, clock, rows } = await twoRowsForOneBorrower();
    const gated = gatedSender();
    const a = dispatcher(store, clock, gated.sender, "worker-a");
    const b = dispatcher(store, clock, gated.sender, "worker-b");

    const aTick = dispatchTick(a.deps, clock.now);
    await gated.sending; // worker-a is mid-send to the borrower
    const bTick = await dispatchTick(b.deps, clock.now);
    gated.open();
    expect(await aTick).toMatchObject({ claimed: 1, sent: 1 });

    expect(bTick).toMatchObject({ claimed: 1, sent: 0, deferred: 1 });
    const busy = b.events.at(-1);
    expect(busy).toMatchObject({
      nudgeId: rows[1]?.id,
      reasons: ["BORROWER_BUSY"],
      local: "2026-03-03T10:00:00.000-05:00", // the borrower's own clock, as every event gives
    });
    // worker-b tries again when worker-a's hold would have ended: the day's message went out.
    clock.now = busy?.until ?? "";
    expect(await dispatchTick(b.deps, clock.now)).toMatchObject({ claimed: 1, deferred: 1 });
    expect(b.events.at(-1)).toMatchObject({ nudgeId: rows[1]?.id, reasons: ["DAILY_CAP"] });
    expect(gated.sent).toHaveLength(1);
  });

  it("Should not count the rows a dispatcher holds against themselves", async () => {
    const { store, clock, rows } = await twoRowsForOneBorrower();
    const sender = recordingSender();
    const { deps } = dispatcher(store, clock, sender, "worker-a");

    const tick = await dispatchTick({ ...deps, batchSize: 10 }, clock.now);

    expect(tick).toMatchObject({ claimed: 2, sent: 2 });
    expect(sender.sent).toHaveLength(1); // both loans, one message
    const marked = await Promise.all(rows.map((row) => store.outbox.byDedupeKey(row.dedupeKey)));
    expect(marked.map((row) => row?.status)).toEqual(["sent", "sent"]);
  });
});
