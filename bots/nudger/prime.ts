// Gives new and imported loans their first nextNudgeAt, so the planner's index finds them.
import type { Store } from "../../core/ports/index.ts";

const PAGE = 500;

/**
 * Sets nextNudgeAt = `now` on every active loan that has none, page by page; returns how many.
 * The planner never clears nextNudgeAt on an active loan, so after the first run this finds
 * only loans created since. Safe to run from several planners at once.
 */
export async function primeNextNudges(store: Store, now: string): Promise<number> {
  let primed = 0;
  for (;;) {
    const ids = await store.loans.withoutNextNudge(PAGE);
    primed += await store.loans.setNextNudgeAtMany(ids.map((id) => ({ id, at: now })));
    if (ids.length < PAGE) return primed;
  }
}

/** For an importer or an API that changed a loan: have the planner look at it at `now`. */
export async function scheduleNextNudge(store: Store, loanId: string, now: string): Promise<void> {
  await store.loans.setNextNudgeAt(loanId, now);
}
