// The agents' work queue: open handoffs, disputes, broken promises, and loans 30+ days past due with no plan.
import { loanStateAsOf } from "../../core/ledger/index.ts";
import type { Borrower, StoredLoan } from "../../core/ports/index.ts";
import { localDate } from "../time/local-date.ts";
import type { SlackContext } from "./slack-context.ts";

export type QueueKind = "handoff" | "dispute" | "broken_promise" | "no_plan_30";

export interface QueueItem {
  readonly kind: QueueKind;
  readonly borrower: Borrower;
  readonly detail: string;
}

const ESCALATION_DAYS = 30;
const SCAN_LIMIT = 500;
const FAR_FUTURE = "9999-12-31T00:00:00.000Z";

/**
 * The store has no "all active loans" listing yet, so this walks the nudge index (loans with and
 * without a next nudge time), at most SCAN_LIMIT of each.
 */
async function activeLoans(ctx: SlackContext): Promise<StoredLoan[]> {
  const planned = await ctx.store.loans.dueForNudge(FAR_FUTURE, SCAN_LIMIT);
  const unplanned = await ctx.store.loans.withoutNextNudge(SCAN_LIMIT);
  const rest = await Promise.all(unplanned.map((id) => ctx.store.loans.byId(id)));
  const all = [...planned, ...rest.filter((l): l is StoredLoan => l !== undefined)];
  return [...new Map(all.filter((l) => l.status === "active").map((l) => [l.id, l])).values()];
}

export async function agentQueue(ctx: SlackContext): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  const borrowers = new Map<string, Borrower | undefined>();
  const borrower = async (id: string) => {
    if (!borrowers.has(id)) borrowers.set(id, await ctx.store.borrowers.byId(id));
    return borrowers.get(id);
  };
  for (const handoff of await ctx.store.handoffs.listActive(50)) {
    const b = await borrower(handoff.borrowerId);
    if (!b) continue;
    const kind = handoff.reason === "dispute" ? "dispute" : "handoff";
    items.push({
      kind,
      borrower: b,
      detail: `${handoff.status}${handoff.claimedBy ? ` by ${handoff.claimedBy}` : ""}, since ${handoff.createdAt.slice(0, 10)}`,
    });
  }
  const now = ctx.now();
  const seenPromises = new Set<string>();
  for (const loan of await activeLoans(ctx)) {
    const b = await borrower(loan.borrowerId);
    if (!b) continue;
    if (!seenPromises.has(b.id)) {
      seenPromises.add(b.id);
      const broken = (await ctx.store.contact.promises(b.id)).filter((p) => p.status === "broken");
      if (broken.length > 0)
        items.push({
          kind: "broken_promise",
          borrower: b,
          detail: `${broken.length} broken, last for ${broken.at(-1)?.promisedFor}`,
        });
      const disputes = (await ctx.store.contact.activePauses(b.id, now.toISOString())).filter(
        (p) => p.reason === "dispute",
      );
      if (
        disputes.length > 0 &&
        !items.some((i) => i.kind === "dispute" && i.borrower.id === b.id)
      ) {
        items.push({ kind: "dispute", borrower: b, detail: `paused by ${disputes[0]?.createdBy}` });
      }
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
  return items;
}
