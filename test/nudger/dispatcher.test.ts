// The dispatcher re-checks the policy at send time, sends one message per borrower, and settles failures.
import { describe, expect, it } from "vitest";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { createAssistant } from "../../core/assistant/index.ts";
import type { NudgeDecisionEvent } from "../../core/policy/decision-event.ts";
import { type ChannelSender, SendError } from "../../core/ports/channel-sender.ts";
import { assistantTemplates } from "../../prompts/index.ts";
import { usd } from "../helpers/loans.ts";
import {
  addLoan,
  borrowerWithLoan,
  clockedMemoryStore,
  nudgerDeps,
  recordingSender,
} from "./nudger-builders.ts";

const TEN_AM_NEW_YORK = "2026-03-03T15:00:00.000Z";

async function plannedNudge(sender: ChannelSender = recordingSender()) {
  const { store, clock } = clockedMemoryStore(TEN_AM_NEW_YORK);
  const loan = await borrowerWithLoan(store, {
    ref: "1",
    firstDueDate: "2026-03-02",
    telegramId: 42,
  });
  const events: NudgeDecisionEvent[] = [];
  const deps = nudgerDeps(store, clock, sender, events);
  const planned = await planTick(deps.planner, clock.now);
  expect(planned.planned).toBe(1);
  return { store, clock, loan, events, deps };
}

function failingSender(errors: unknown[]): ChannelSender & { calls: number } {
  const sender = {
    calls: 0,
    async send() {
      const error = errors[sender.calls++];
      if (error) throw error;
      return { providerMessageId: `ok:${sender.calls}` };
    },
  };
  return sender;
}

describe("dispatcher", () => {
  it("Should suppress, and send nothing, when the borrower opts out between plan and send", async () => {
    const sender = recordingSender();
    const { store, clock, loan, events, deps } = await plannedNudge(sender);
    const assistant = createAssistant({ store, templates: assistantTemplates, lenderName: "Acme" });
    clock.advance(0.02); // one second later
    await assistant.respond({
      borrowerId: loan.borrowerId,
      channel: "telegram",
      at: clock.now,
      text: "STOP",
    });

    const result = await dispatchTick(deps.dispatcher, clock.now);

    expect(result).toMatchObject({ claimed: 1, sent: 0, suppressed: 1 });
    expect(sender.sent).toEqual([]);
    const suppressed = events.find((e) => e.stage === "dispatch");
    // Strongest reason first; the cool-down after the STOP message applies too.
    expect(suppressed).toMatchObject({
      decision: "suppressed",
      reasons: ["OPTED_OUT", "COOL_DOWN"],
    });
    const row = await store.outbox.byDedupeKey(`${loan.id}:overdue@2026-03-02+1d`);
    expect(row).toMatchObject({ status: "suppressed", reasonCodes: ["OPTED_OUT", "COOL_DOWN"] });
  });

  it("Should move a nudge found in quiet hours at send time to the next window opening", async () => {
    const sender = recordingSender();
    const { store, clock, loan, deps } = await plannedNudge(sender);
    clock.now = "2026-03-04T01:30:00.000Z"; // 20:30 in New York: the dispatcher was down all day

    const result = await dispatchTick(deps.dispatcher, clock.now);

    expect(result).toMatchObject({ claimed: 1, deferred: 1, sent: 0 });
    const row = await store.outbox.byDedupeKey(`${loan.id}:overdue@2026-03-02+1d`);
    expect(row).toMatchObject({ status: "planned", plannedFor: "2026-03-04T14:00:00.000Z" });
    expect(row?.reasonCodes).toContain("QUIET_HOURS");
    clock.now = "2026-03-04T14:00:00.000Z";
    expect(await dispatchTick(deps.dispatcher, clock.now)).toMatchObject({ sent: 1 });
    expect(sender.sent).toHaveLength(1);
  });

  it("Should drop a planned nudge when the loan was paid in the meantime", async () => {
    const sender = recordingSender();
    const { store, clock, loan, deps, events } = await plannedNudge(sender);
    await store.transactions.record(loan.id, "pay-1", {
      type: "payment",
      date: "2026-03-03",
      amount: usd("200.00"),
    });
    await dispatchTick(deps.dispatcher, clock.now);
    expect(sender.sent).toEqual([]);
    expect(events.at(-1)).toMatchObject({ decision: "suppressed", stage: "dispatch" });
  });

  it("Should send one message about all the loans of a borrower, counted once by the caps", async () => {
    const sender = recordingSender();
    const { store, clock } = clockedMemoryStore(TEN_AM_NEW_YORK);
    const first = await borrowerWithLoan(store, {
      ref: "1",
      firstDueDate: "2026-03-02",
      telegramId: 42,
    });
    await addLoan(store, first.borrowerId, "L-1-b", "2026-02-24");
    const events: NudgeDecisionEvent[] = [];
    const deps = nudgerDeps(store, clock, sender, events);
    expect((await planTick(deps.planner, clock.now)).planned).toBe(2);

    expect(await dispatchTick(deps.dispatcher, clock.now)).toMatchObject({ claimed: 2, sent: 2 });

    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.text).toContain("L-1");
    expect(sender.sent[0]?.text).toContain("L-1-b");
    const sent = await store.outbox.sentSince(first.borrowerId, "2026-03-01T00:00:00Z");
    expect(new Set(sent.map((row) => row.providerMessageId)).size).toBe(1);
    const logged = await store.conversation.recent(first.borrowerId, 10);
    expect(logged).toMatchObject([
      { direction: "outbound", author: "nudger", text: sender.sent[0]?.text },
    ]);
  });

  it("Should retry a transient failure with backoff and then send once", async () => {
    const sender = failingSender([
      new SendError("transient", "HTTP_502", "Bad Gateway"),
      new SendError("transient", "HTTP_500", "Internal"),
    ]);
    const { store, clock, loan, deps } = await plannedNudge(sender);
    const waits: number[] = [];
    const result = await dispatchTick(
      { ...deps.dispatcher, backoffMs: 100, sleep: async (ms) => void waits.push(ms) },
      clock.now,
    );
    expect(result).toMatchObject({ sent: 1 });
    expect(waits).toEqual([100, 200]);
    expect(await store.outbox.byDedupeKey(`${loan.id}:overdue@2026-03-02+1d`)).toMatchObject({
      status: "sent",
      providerMessageId: "ok:3",
    });
  });

  it("Should fail after the last transient attempt, with the reason", async () => {
    const error = new SendError("transient", "HTTP_500", "Internal");
    const { store, clock, loan, deps } = await plannedNudge(failingSender([error, error, error]));
    expect(await dispatchTick(deps.dispatcher, clock.now)).toMatchObject({ failed: 1 });
    expect(await store.outbox.byDedupeKey(`${loan.id}:overdue@2026-03-02+1d`)).toMatchObject({
      status: "failed",
      lastError: "transient: HTTP_500 after 3 attempts",
    });
  });

  it("Should never retry a send whose outcome is unknown", async () => {
    const sender = failingSender([new Error("socket hang up")]);
    const { store, clock, loan, deps } = await plannedNudge(sender);
    expect(await dispatchTick(deps.dispatcher, clock.now)).toMatchObject({ failed: 1 });
    expect(sender.calls).toBe(1);
    const row = await store.outbox.byDedupeKey(`${loan.id}:overdue@2026-03-02+1d`);
    expect(row?.lastError).toMatch(/^unknown outcome/);
  });

  it("Should put a rate-limited nudge back for after retry_after", async () => {
    const sender = failingSender([new SendError("rate_limited", "TOO_MANY_REQUESTS", "429", 7)]);
    const { store, clock, loan, deps } = await plannedNudge(sender);
    expect(await dispatchTick(deps.dispatcher, clock.now)).toMatchObject({ deferred: 1 });
    const row = await store.outbox.byDedupeKey(`${loan.id}:overdue@2026-03-02+1d`);
    expect(row).toMatchObject({ status: "planned", plannedFor: "2026-03-03T15:00:07.000Z" });
    clock.advance(0.2);
    expect(await dispatchTick(deps.dispatcher, clock.now)).toMatchObject({ sent: 1 });
  });

  it("Should mark a blocked chat unreachable, and the planner then suppresses", async () => {
    const sender = failingSender([new SendError("permanent", "BLOCKED_BY_USER", "403")]);
    const { store, clock, loan, deps, events } = await plannedNudge(sender);
    expect(await dispatchTick(deps.dispatcher, clock.now)).toMatchObject({ failed: 1 });
    const pauses = await store.contact.activePauses(loan.borrowerId, clock.now);
    expect(pauses).toMatchObject([{ reason: "unreachable", createdBy: "nudger:telegram" }]);
    expect(await store.outbox.byDedupeKey(`${loan.id}:overdue@2026-03-02+1d`)).toMatchObject({
      lastError: "permanent: BLOCKED_BY_USER",
    });
    clock.now = "2026-03-05T14:00:00.000Z"; // the +3 follow-up
    await planTick(deps.planner, clock.now);
    expect(events.at(-1)).toMatchObject({
      decision: "suppressed",
      reasons: ["CHANNEL_UNREACHABLE"],
    });
  });

  it("Should not send on a lease about to run out, and put the row back", async () => {
    const sender = recordingSender();
    const { store, clock, loan, deps } = await plannedNudge(sender);
    let calls = 0;
    // The clock jumps past the lease between claiming and sending (a long GC pause, say).
    const jumping = () => (++calls > 1 ? "2026-03-03T15:10:00.000Z" : clock.now);
    await dispatchTick({ ...deps.dispatcher, leaseSeconds: 60, clock: jumping }, clock.now);
    expect(sender.sent).toEqual([]);
    expect(await store.outbox.byDedupeKey(`${loan.id}:overdue@2026-03-02+1d`)).toMatchObject({
      status: "planned",
    });
  });
});
