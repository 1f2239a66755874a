// The agents' work queue: open handoffs, disputes, broken promises, and loans 30+ days past due with no plan.

import { localDate } from "../../core/dates/index.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import type { Borrower, StoredLoan } from "../../core/ports/index.ts";
import { type Scored, withScores } from "./queue-scores.ts";
import type { SlackContext } from "./slack-context.ts";

export type QueueKind = "handoff" | "dispute" | "broken_promise" | "no_plan_30";

export interface QueueItem {
  readonly kind: QueueKind;
  readonly borrower: Borrower;
  readonly detail: string;
}

const ESCALATION_DAYS = 30;
const PAGE = 200;
/** The queue is read on every App Home open; past this many active loans it needs a stored index. */
const MAX_LOANS = 5000;
const BROKEN_PROMISES = 200;

async function* activeLoans(ctx: SlackContext): AsyncGenerator<StoredLoan> {
  let afterId: string | undefined;
  for (let seen = 0; seen < MAX_LOANS; ) {
    const page = await ctx.store.loans.listActive(PAGE, afterId);
    for (const loan of page) yield loan;
    seen += page.length;
    if (page.length < PAGE) return;
    afterId = page.at(-1)?.id;
  }
  ctx.log(`slack: the agent queue looked at the first ${MAX_LOANS} active loans only`);
}

/** The queue, each item with its borrower's score, lowest score first within a category. */
export async function agentQueue(ctx: SlackContext): Promise<Scored<QueueItem>[]> {
  const items: QueueItem[] = [];
  const borrowers = new Map<string, Borrower | undefined>();
  const borrower = async (id: string) => {
    if (!borrowers.has(id)) borrowers.set(id, await ctx.store.borrowers.byId(id));
    return borrowers.get(id);
  };
  for (const handoff of await ctx.store.handoffs.listActive(50)) {
    const b = await borrower(handoff.borrowerId);
    if (!b) continue;
    items.push({
      kind: handoff.reason === "dispute" ? "dispute" : "handoff",
      borrower: b,
      detail: `${handoff.status}${handoff.claimedBy ? ` by ${handoff.claimedBy}` : ""}, since ${handoff.createdAt.slice(0, 10)}`,
    });
  }
  const broken = new Map<string, { count: number; last: string }>();
  for (const promise of await ctx.store.contact.brokenPromises(BROKEN_PROMISES)) {
    const seen = broken.get(promise.borrowerId);
    // Newest first: the first one seen per borrower is their latest.
    broken.set(promise.borrowerId, {
      count: (seen?.count ?? 0) + 1,
      last: seen?.last ?? promise.promisedFor,
    });
  }
  for (const [borrowerId, { count, last }] of broken) {
    const b = await borrower(borrowerId);
    if (b)
      items.push({
        kind: "broken_promise",
        borrower: b,
        detail: `${count} broken, last for ${last}`,
      });
  }
  const now = ctx.now();
  const checkedPauses = new Set<string>();
  for await (const loan of activeLoans(ctx)) {
    const b = await borrower(loan.borrowerId);
    if (!b) continue;
    if (!checkedPauses.has(b.id)) {
      checkedPauses.add(b.id);
      const disputes = (await ctx.store.contact.activePauses(b.id, now.toISOString())).filter(
        (p) => p.reason === "dispute",
      );
      if (disputes.length > 0 && !items.some((i) => i.kind === "dispute" && i.borrower.id === b.id))
        items.push({ kind: "dispute", borrower: b, detail: `paused by ${disputes[0]?.createdBy}` });
    }
    const txs = (await ctx.store.transactions.forLoan(loan.id)).map((r) => r.transaction);
    const state = loanStateAsOf(loan, txs, localDate(now, b.timeZone));
    if (state.daysPastDue < ESCALATION_DAYS) continue;
    const plans = await ctx.store.plans.forLoan(loan.id);
    if (plans.some((p) => p.status === "accepted")) continue;
    items.push({
      kind: "no_plan_30",
      borrower: b,
      detail: `${loan.externalRef}: ${state.daysPastDue} days past due, no plan`,
    });
  }
  return withScores(ctx, items);
}
