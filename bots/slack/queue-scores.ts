// Orders the agents' queue by repayment score (lowest first within each category) and carries it.

import { localDate } from "../../core/dates/index.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import type { Borrower } from "../../core/ports/index.ts";
import { type RepaymentScore, repaymentScore } from "../../core/score/index.ts";
import type { SlackContext } from "./slack-context.ts";

/** What a queue entry needs to be scored: whose it is. */
interface QueueEntry {
  readonly borrower: Borrower;
}

/** A queue entry with its borrower's score at the time the queue was read. */
export type Scored<T extends QueueEntry> = T & { readonly score: RepaymentScore };

/** The score of one borrower over all their loans and promises, on their own today. */
async function borrowerScore(ctx: SlackContext, item: QueueEntry): Promise<RepaymentScore> {
  const today = localDate(ctx.now(), item.borrower.timeZone);
  const [loans, promises] = await Promise.all([
    ctx.store.loans.forBorrower(item.borrower.id),
    ctx.store.contact.promises(item.borrower.id),
  ]);
  const installments = [];
  for (const loan of loans) {
    const txs = (await ctx.store.transactions.forLoan(loan.id)).map((r) => r.transaction);
    installments.push(...loanStateAsOf(loan, txs, today).installments);
  }
  return repaymentScore({ asOf: today, installments, promises });
}

/**
 * Each item with its borrower's score; items keep their category order, and within a category
 * the lowest score comes first (ties keep the order they were found in).
 * @example const items = await withScores(ctx, await agentQueue(ctx))
 */
export async function withScores<T extends QueueEntry>(
  ctx: SlackContext,
  items: readonly T[],
): Promise<Scored<T>[]> {
  const scores = new Map<string, RepaymentScore>();
  for (const item of items) {
    if (!scores.has(item.borrower.id)) scores.set(item.borrower.id, await borrowerScore(ctx, item));
  }
  return items
    .map((item, index) => ({
      item: { ...item, score: scores.get(item.borrower.id) as RepaymentScore },
      index,
    }))
    .sort((a, b) => a.item.score.score - b.item.score.score || a.index - b.index)
    .map(({ item }) => item);
}

/** The line a queue entry shows under its detail: the score and its reasons. */
export function scoreLine(score: RepaymentScore): string {
  return `Score ${score.score}/100 (${score.grade}): ${score.reasons.join("; ")}`;
}
