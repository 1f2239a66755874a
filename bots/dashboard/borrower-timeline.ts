// One borrower's history in time order: messages, nudges, payments, promises, plans, agent actions, consent.
import { formatMoney } from "../../core/money/index.ts";
import type { Borrower, Store } from "../../core/ports/index.ts";
import { maskDigits, maskPhone } from "../slack/mask.ts";

export interface TimelineEntry {
  /** UTC ISO instant, or a date for date-only events (payments, promises). */
  readonly at: string;
  readonly what:
    | "message in"
    | "message out"
    | "nudge"
    | "payment"
    | "promise"
    | "plan"
    | "agent/system"
    | "consent";
  readonly detail: string;
}

/** Most entries of each kind read. */
const PER_KIND = 500;

/**
 * The borrower's timeline, newest first, masked as in Slack: phone numbers and long digit runs
 * in messages show their last four digits only.
 */
export async function borrowerTimeline(store: Store, borrower: Borrower): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  for (const m of await store.conversation.recent(borrower.id, PER_KIND)) {
    entries.push({
      at: m.at,
      what: m.direction === "inbound" ? "message in" : "message out",
      detail: `${m.channel} · ${m.author}: ${maskDigits(m.text)}`,
    });
  }
  for (const n of await store.outbox.contactsSince(borrower.id, "1970-01-01T00:00:00.000Z")) {
    entries.push({
      at: n.sentAt ?? n.claimedAt ?? n.plannedFor,
      what: "nudge",
      detail: `${n.kind} by ${n.channel}: ${n.status}${n.reasonCodes.length ? ` (${n.reasonCodes.join(", ")})` : ""}`,
    });
  }
  const loans = await store.loans.forBorrower(borrower.id);
  const records = await store.transactions.forLoans(loans.map((l) => l.id));
  for (const loan of loans) {
    for (const { transaction: t } of records.get(loan.id) ?? []) {
      entries.push({
        at: t.date,
        what: t.type === "payment" ? "payment" : "agent/system",
        detail: `${loan.externalRef}: ${t.type}${"amount" in t ? ` ${t.amount.currency} ${formatMoney(t.amount)}` : ""}`,
      });
    }
    for (const plan of await store.plans.forLoan(loan.id)) {
      entries.push({
        at: plan.proposedAt,
        what: "plan",
        detail: `${loan.externalRef}: ${plan.option.kind} plan, ${plan.status}, proposed by ${plan.proposedBy}`,
      });
    }
    for (const a of await store.audit.forSubject(`loan:${loan.id}`, PER_KIND))
      entries.push(audit(a));
  }
  for (const p of await store.contact.promises(borrower.id)) {
    entries.push({
      at: p.promisedFor,
      what: "promise",
      detail: `to pay ${p.amount.currency} ${formatMoney(p.amount)} by ${p.promisedFor}: ${p.status}`,
    });
  }
  for (const a of await store.audit.forSubject(`borrower:${borrower.id}`, PER_KIND))
    entries.push(audit(a));
  for (const e of await store.consent.forBorrower(borrower.id)) {
    entries.push({
      at: e.at,
      what: "consent",
      detail: `${e.channel} ${e.kind.replace("_", "-")} (${e.source})${e.address ? ` ${maskPhone(e.address.includes("@") ? undefined : e.address)}` : ""}`,
    });
  }
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

function audit(entry: { actor: string; action: string; at: string }): TimelineEntry {
  return { at: entry.at, what: "agent/system", detail: `${entry.actor}: ${entry.action}` };
}
