// A book with one borrower per thing the planner must tell apart, on any store, as of 10:00 in New York.

import { planTick } from "../../bots/nudger/planner.ts";
import { money } from "../../core/money/money.ts";
import type { NudgeDecisionEvent } from "../../core/policy/decision-event.ts";
import { contactProfile } from "../../core/policy/index.ts";
import type { Store, StoredLoan } from "../../core/ports/index.ts";
import { generateSchedule } from "../../core/schedule/generate-schedule.ts";
import { installmentTotal } from "../../core/schedule/installment.ts";
import { usd } from "../helpers/loans.ts";
import { addLoan, borrowerWithLoan } from "./nudger-builders.ts";

/** Tuesday 2026-03-03, 10:00 in New York, 23:00 in Shanghai. */
export const MIXED_BOOK_NOW = "2026-03-03T15:00:00.000Z";

const hoursBefore = (hours: number) =>
  new Date(Date.parse(MIXED_BOOK_NOW) - hours * 3_600_000).toISOString();

/**
 * Writes the book; returns the refs of its loans. Borrower B-x has loan L-x (and L-x-b, L-x-c
 * when it has more). Every borrower but "unlinked" has a Telegram chat.
 */
export async function writeMixedBook(store: Store): Promise<string[]> {
  let chat = 7000;
  const late = (ref: string, firstDueDate = "2026-03-02", timeZone?: string) =>
    borrowerWithLoan(store, {
      ref,
      firstDueDate,
      telegramId: chat++,
      ...(timeZone ? { timeZone } : {}),
    });

  await late("current", "2026-03-13");
  await late("pre-due", "2026-03-06");
  await late("late");
  await late("late-shanghai", "2026-03-02", "Asia/Shanghai");
  await late("long-late", "2026-01-26");
  await borrowerWithLoan(store, { ref: "unlinked", firstDueDate: "2026-03-02" });

  const promised = await late("promised");
  await store.contact.promise({
    borrowerId: promised.borrowerId,
    loanId: promised.id,
    amount: usd("107.17"),
    promisedFor: "2026-03-06",
  });
  const broken = await late("promise-lapsed", "2026-02-20");
  await store.contact.promise({
    borrowerId: broken.borrowerId,
    loanId: broken.id,
    amount: usd("107.17"),
    promisedFor: "2026-02-25",
  });

  const held = await late("agent-hold");
  await store.contact.pause({
    borrowerId: held.borrowerId,
    reason: "agent_hold",
    until: "2026-03-10T00:00:00.000Z",
    createdBy: "agent:U1",
  });
  const disputed = await late("disputed");
  await store.contact.pause({
    borrowerId: disputed.borrowerId,
    loanId: disputed.id,
    reason: "dispute",
    createdBy: "agent:U1",
  });
  const blocked = await late("blocked");
  await store.contact.pause({
    borrowerId: blocked.borrowerId,
    reason: "unreachable",
    createdBy: "nudger:telegram",
  });
  const optedOut = await late("opted-out");
  await store.contact.optOut(optedOut.borrowerId, "telegram", hoursBefore(100));
  const handedOff = await late("handoff");
  await store.handoffs.open(handedOff.borrowerId, "human_agent", hoursBefore(5));
  const deceased = await late("deceased");
  await store.borrowers.setFlags(deceased.borrowerId, { deceased: true });

  const talked = await late("talked");
  await store.conversation.append({
    borrowerId: talked.borrowerId,
    channel: "telegram",
    direction: "inbound",
    text: "I get paid on Friday",
    at: hoursBefore(10),
    author: "borrower",
  });
  const agents = await late("agent-messages");
  for (let day = 1; day <= 7; day++) {
    await store.conversation.append({
      borrowerId: agents.borrowerId,
      channel: "telegram",
      direction: "outbound",
      text: `Agent note ${day}`,
      at: hoursBefore(day * 20),
      author: "agent:U2",
    });
  }
  await nudgedThreeTimes(store, await late("nudged", "2026-02-20"));

  const several = await late("several");
  await addLoan(store, several.borrowerId, "L-several-b", "2026-02-23");
  await addLoan(store, several.borrowerId, "L-several-c", "2026-03-20");

  const partly = await late("partly-paid");
  await store.transactions.record(partly.id, "partly-1", {
    type: "payment",
    date: "2026-03-02",
    amount: usd("50.00"),
  });
  const caughtUp = await late("caught-up");
  await payInstallments(store, caughtUp, 1, "2026-03-02");
  const repaid = await late("repaid");
  await payInstallments(store, repaid, 12, "2026-03-01");
  const paidOff = await late("paid-off");
  await store.loans.setNextNudgeAt(paidOff.id, hoursBefore(24));
  await store.loans.setStatus(paidOff.id, "paid_off");
  const writtenOff = await late("written-off", "2026-01-02");
  await store.loans.setNextNudgeAt(writtenOff.id, hoursBefore(24));
  await store.loans.setStatus(writtenOff.id, "written_off");

  return MIXED_BOOK_LOANS;
}

export const MIXED_BOOK_LOANS = [
  "L-current",
  "L-pre-due",
  "L-late",
  "L-late-shanghai",
  "L-long-late",
  "L-unlinked",
  "L-promised",
  "L-promise-lapsed",
  "L-agent-hold",
  "L-disputed",
  "L-blocked",
  "L-opted-out",
  "L-handoff",
  "L-deceased",
  "L-talked",
  "L-agent-messages",
  "L-nudged",
  "L-several",
  "L-several-b",
  "L-several-c",
  "L-partly-paid",
  "L-caught-up",
  "L-repaid",
  "L-paid-off",
  "L-written-off",
];

/** Pays the first `count` installments in full on `date`. */
async function payInstallments(store: Store, loan: StoredLoan, count: number, date: string) {
  for (const installment of generateSchedule(loan.terms).slice(0, count)) {
    await store.transactions.record(loan.id, `${loan.externalRef}-pay-${installment.n}`, {
      type: "payment",
      date,
      amount: money(installmentTotal(installment), loan.terms.principal.currency),
    });
  }
}

/** Three nudges sent on three days this week: the weekly cap is reached. */
async function nudgedThreeTimes(store: Store, loan: StoredLoan) {
  for (const [i, hours] of [100, 75, 50].entries()) {
    const at = hoursBefore(hours);
    await store.outbox.plan({
      dedupeKey: `${loan.id}:earlier-${i}`,
      borrowerId: loan.borrowerId,
      loanId: loan.id,
      kind: "overdue",
      channel: "telegram",
      plannedFor: at,
      reasonCodes: [],
    });
    const [row] = await store.outbox.claimDue(at, "setup", hoursBefore(hours - 1), 10);
    if (!row) throw new Error("the earlier nudge was not claimed");
    await store.outbox.markSent(row.id, `earlier-${i}`, at);
  }
}

/**
 * Ticks at 10:00 New York on Tuesday, then on Thursday (the +3 follow-up), and tells by loan ref
 * what became of each loan in each tick: "planned overdue, row 1; next <instant>",
 * "deferred overdue QUIET_HOURS until <instant>; next <instant>", "not looked at; next ...".
 */
export async function planMixedBook(
  store: Store,
  pageSize: number,
): Promise<Record<string, string>[]> {
  const refs = await writeMixedBook(store);
  const idOf = new Map<string, string>();
  for (const ref of refs) idOf.set(ref, (await store.loans.byRef(ref))?.id as string);
  const events: NudgeDecisionEvent[] = [];
  const deps = {
    store,
    profile: contactProfile("default"),
    pageSize,
    onDecision: (event: NudgeDecisionEvent) => events.push(event),
  };
  const ticks: Record<string, string>[] = [];
  for (const now of [MIXED_BOOK_NOW, "2026-03-05T15:00:00.000Z"]) {
    events.length = 0;
    await planTick(deps, now);
    const tick: Record<string, string> = {};
    for (const ref of refs) {
      const id = idOf.get(ref) as string;
      const decided = events.filter((event) => event.loanId === id);
      const next = (await store.loans.byId(id))?.nextNudgeAt ?? "none";
      tick[ref] = `${decided.map(describe).join(" AND ") || "not looked at"}; next ${next}`;
    }
    ticks.push(tick);
  }
  return ticks;
}

function describe(event: NudgeDecisionEvent): string {
  return [
    event.decision,
    event.kind ?? "-",
    ...event.reasons,
    ...(event.until !== undefined ? [`until ${event.until}`] : []),
    ...(event.escalateToAgent ? ["escalate"] : []),
    ...(event.nudgeId !== undefined ? ["with a row"] : []),
  ].join(" ");
}
